using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.Email;

/// <summary>Fails the start (ValidateOnStart) instead of the first mail, with the key to fix in the message.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = Mailbox.Parse(options.From);
        }
        catch (FormatException e)
        {
            failures.Add($"Email:From: {e.Message}");
        }
        if (options.Provider == EmailProvider.SendGrid && string.IsNullOrWhiteSpace(options.SendGrid.ApiKey))
        {
            failures.Add("Email:Provider is SendGrid, but Email:SendGrid:ApiKey is not set.");
        }
        if (!Uri.TryCreate(options.SendGrid.BaseUrl, UriKind.Absolute, out _))
        {
            failures.Add($"Email:SendGrid:BaseUrl must be an absolute URL, not '{options.SendGrid.BaseUrl}'.");
        }
        if (options.Idempotency.ClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("Email:Idempotency:ClaimTimeout must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
