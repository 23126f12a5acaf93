namespace Ratsworkflow.Functions.Attachments;

public static class AttachmentRegistration
{
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section))
            .Validate(o => o.MaxBytes > 0 && o.MaxCount >= 0, "Attachments:MaxBytes muss größer als null sein, Attachments:MaxCount mindestens null.")
            .ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
