namespace Ratsworkflow.Functions.Organizations;

/// <param name="Email">
/// The registered address: a faction's confirmation links go only there (no one can submit in a faction's name);
/// for a committee or the council, the chair's office.
/// </param>
/// <param name="Members">Kept where the workflow writes to members (the Beirat's vote links); may be empty elsewhere.</param>
public sealed record Organization(string Id, string Name, OrganizationKind Kind, string? Email, IReadOnlyList<Member> Members)
{
    /// <summary>
    /// The nominative article (der, die, das) for sentences that name it (<see cref="Wording.OrganizationName"/>); without
    /// one it follows the name's head noun, which is right for the usual names (Rat, Ausschuss, Fraktion, Gruppe).
    /// </summary>
    public string? Article { get; init; }

    public Wording.OrganizationName Phrase => Wording.OrganizationName.Of(Name, Article);

    /// <summary>When storage last wrote its row (the table's own timestamp); null for a catalog not read from the table.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    public IEnumerable<Member> VotingMembers => Members.Where(m => m.IsVoting);

    public int VotingMemberCount => Members.Count(m => m.IsVoting);
}

/// <param name="IsVoting">False for advisory (beratende) members: they are informed but do not vote nor count for the quorum.</param>
/// <param name="Role">E.g. "Vorsitzende"; shown, never used in a rule.</param>
public sealed record Member(string Id, string Name, string Email, bool IsVoting, string? Role = null);
