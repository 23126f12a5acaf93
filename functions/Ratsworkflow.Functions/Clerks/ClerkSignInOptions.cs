namespace Ratsworkflow.Functions.Clerks;

/// <summary>The emailed sign-in link of the Ratsbüro (section <c>Clerks</c>, next to <c>Clerks:ApiToken</c>).</summary>
public sealed class ClerkSignInOptions
{
    public const string Section = "Clerks";

    /// <summary>How long a sign-in link works; it works once in any case.</summary>
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
