using Microsoft.AspNetCore.Http.HttpResults;

namespace Ratsworkflow.Functions.Organizations;

public static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/organizations", ListAsync);
        return routes;
    }

    /// <summary><c>GET /api/organizations</c>: public, so it names no address.</summary>
    public static async Task<Ok<OrganizationSummary[]>> ListAsync(OrganizationStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.GetAllAsync(cancellationToken)).Select(OrganizationSummary.From).ToArray());
}

/// <summary>The public projection of an organization: <c>{ id, name, kind, votingMembers }</c>.</summary>
public sealed record OrganizationSummary(string Id, string Name, OrganizationKind Kind, int VotingMembers)
{
    public static OrganizationSummary From(Organization organization) =>
        new(organization.Id, organization.Name, organization.Kind, organization.VotingMemberCount);
}
