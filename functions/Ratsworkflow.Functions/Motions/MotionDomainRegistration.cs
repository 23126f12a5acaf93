using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Motions;

public static class MotionDomainRegistration
{
    /// <summary>
    /// The organization store (<see cref="OrganizationStore"/>) and the configurable rules
    /// (<c>IOptions&lt;BeiratRules&gt;</c>). Needs the storage clients (<c>AddStorageClients</c>).
    /// </summary>
    public static IServiceCollection AddMotionDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOrganizations(configuration);
        services.AddOptions<BeiratRules>()
            .Bind(configuration.GetSection(BeiratRules.Section))
            .Validate(r => r.IsValid, "Beirat:QuorumShare muss mindestens 0 und kleiner als 1 sein.")
            .ValidateOnStart();
        return services;
    }
}
