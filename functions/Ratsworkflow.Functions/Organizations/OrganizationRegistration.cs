using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ratsworkflow.Functions.Organizations;

public static partial class OrganizationRegistration
{
    /// <summary>Registers <see cref="OrganizationStore"/>; needs the storage clients (<c>AddStorageClients</c>).</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganizationOptions>()
            .Bind(configuration.GetSection(OrganizationOptions.Section))
            .Validate(o => TableName().IsMatch(o.TableName),
                "Organizations:TableName ist kein gültiger Tabellenname (3–63 Buchstaben und Ziffern, zuerst ein Buchstabe).")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Organizations:RefreshInterval muss größer als null sein.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrganizationStore>();
        return services;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}\\z")]
    private static partial Regex TableName();
}
