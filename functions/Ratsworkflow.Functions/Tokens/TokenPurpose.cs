namespace Ratsworkflow.Functions.Tokens;

/// <summary>What an emailed link may do. A token only ever resolves for the purpose it was issued for.</summary>
public enum TokenPurpose
{
    /// <summary>Someone at the faction's registered address confirms a submission.</summary>
    Confirmation,

    /// <summary>One Beirat member votes on one motion in one voting round; valid until the round closes.</summary>
    Vote,

    /// <summary>The faction's status page of one motion, including withdrawal.</summary>
    Status,

    /// <summary>A clerk's emailed sign-in link: single use, short-lived.</summary>
    SignIn,
}
