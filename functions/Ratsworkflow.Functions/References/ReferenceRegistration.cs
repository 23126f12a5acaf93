namespace Ratsworkflow.Functions.References;

public static class ReferenceRegistration
{
    /// <summary>Registers <see cref="IReferenceNumbers"/>; needs TableServiceClient and TimeProvider from AddStorageClients.</summary>
    public static IServiceCollection AddReferenceNumbers(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReferenceOptions>(configuration.GetSection(ReferenceOptions.Section));
        services.AddSingleton<IReferenceNumbers, ReferenceNumbers>();
        return services;
    }
}
