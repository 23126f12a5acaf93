using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;

// In the composition root's namespace, so Startup needs its one line and no using.
namespace Ratsworkflow.Functions;

/// <summary>
/// Registers the email subsystem: the provider chosen by <c>Email:Provider</c>, behind the idempotent ledger, the
/// renderer (links from <c>App:PublicBaseUrl</c>) and <see cref="NotificationSender"/>. Needs the storage clients
/// (<c>AddStorageClients</c>) for the ledger's table.
/// </summary>
public static class EmailRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound lazily, so settings a test host adds after registration still count.
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddHttpClient(SendGridEmailTransport.HttpClientName);
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<SendGridEmailTransport>();
        services.AddSingleton<NullEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            IEmailTransport provider = options.Provider switch
            {
                EmailProvider.SendGrid => sp.GetRequiredService<SendGridEmailTransport>(),
                EmailProvider.Null => sp.GetRequiredService<NullEmailTransport>(),
                _ => sp.GetRequiredService<SmtpEmailTransport>(),
            };
            // Every provider sits behind the ledger, Null included, so benchmarks measure what production does.
            return new IdempotentEmailTransport(
                provider,
                new EmailLedger(sp.GetRequiredService<TableServiceClient>(), options.Idempotency.Table),
                options.Idempotency.ClaimTimeout,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<IdempotentEmailTransport>>());
        });
        services.AddSingleton(_ => new NotificationRenderer(PublicBaseUrl(configuration)));
        services.AddSingleton<NotificationSender>();
        return services;
    }

    private static Uri PublicBaseUrl(IConfiguration configuration)
    {
        var value = configuration[NotificationRenderer.PublicBaseUrlKey] is { Length: > 0 } configured
            ? configured
            : NotificationRenderer.DefaultPublicBaseUrl;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"{NotificationRenderer.PublicBaseUrlKey} must be an absolute URL, not '{value}'.");
    }
}
