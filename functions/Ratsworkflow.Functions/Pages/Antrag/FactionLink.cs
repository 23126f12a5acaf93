using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary>The faction's status link (in every faction mail): which motion it shows, or why it does not.</summary>
public sealed class FactionLink(MotionStore motions, OrganizationStore organizations, IAccessTokenStore tokens)
{
    public async Task<(MotionDetails? Motion, LinkProblem? Problem)> OpenAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var resolution = await tokens.ResolveAsync(TokenPurpose.Status, token, cancellationToken);
        if (resolution.Token?.Subject.MotionId != motionId || await motions.GetWithTimelineAsync(motionId, cancellationToken) is not { } found)
        {
            return (null, LinkProblem.Invalid("Link zum Antrag"));
        }
        if (!resolution.IsValid)
        {
            return (null, new LinkProblem(StatusCodes.Status410Gone, "Dieser Link gilt nicht mehr",
                "Links zur Übersicht eines Antrags gelten eine begrenzte Zeit.",
                "Jede E-Mail, die Sie zu diesem Antrag bekommen, enthält einen neuen Link. Oder fragen Sie das Ratsbüro."));
        }
        return (new MotionDetails(found.Record, await organizations.GetCatalogAsync(cancellationToken), found.Timeline), null);
    }
}
