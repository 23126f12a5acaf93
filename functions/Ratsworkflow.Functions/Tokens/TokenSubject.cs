namespace Ratsworkflow.Functions.Tokens;

/// <summary>
/// Whom and what a token is about. Which fields a purpose needs is checked when the token is issued; the factories
/// name the combinations the workflow uses.
/// </summary>
public sealed record TokenSubject(string? MotionId = null, string? MemberId = null, int? Round = null, string? Email = null)
{
    public static TokenSubject Confirmation(string motionId, string email) => new(MotionId: motionId, Email: email);

    public static TokenSubject Vote(string motionId, string memberId, int round) => new(motionId, memberId, round);

    public static TokenSubject Status(string motionId, string? email = null) => new(MotionId: motionId, Email: email);

    public static TokenSubject SignIn(string email) => new(Email: email);
}
