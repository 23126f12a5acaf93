namespace Ratsworkflow.Functions.Tokens;

public static class AccessTokenRegistration
{
    /// <summary>Registers <see cref="IAccessTokenStore"/>; needs TableServiceClient and TimeProvider from AddStorageClients.</summary>
    public static IServiceCollection AddAccessTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessTokenOptions>(configuration.GetSection(AccessTokenOptions.Section));
        services.AddSingleton<IAccessTokenStore, AccessTokenStore>();
        return services;
    }
}
