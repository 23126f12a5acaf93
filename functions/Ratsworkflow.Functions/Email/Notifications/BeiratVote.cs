using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>A personal mail to one Beirat member about the open vote. Link: <see cref="MailLink.Vote"/> (personal).</summary>
public abstract record BeiratVoteNotification : MotionNotification
{
    public required string BeiratName { get; init; }
    public string? MemberName { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required string ResolutionText { get; init; }

    private protected const string PersonalLink = "Der Link ist persönlich. Bitte leiten Sie diese E-Mail nicht weiter.";

    private protected string Greeting => MemberName is null ? "Guten Tag," : $"Guten Tag {MemberName},";

    private protected IReadOnlyList<MailFact> VoteFacts() =>
        MailFact.Of(("Beirat", BeiratName), ("Beschlussvorschlag", ResolutionText), ("Abstimmung bis", FormatDateTime(Deadline)));
}

/// <summary>The vote request (docs/design.md §1 "Beirat vote").</summary>
public sealed record VoteRequested : BeiratVoteNotification
{
    internal override MailContent Compose() => new(
        "Ihre Stimme im Beirat",
        [$"der Beirat {Quoted(BeiratName)} gibt eine Empfehlung zum Antrag {Quoted(Motion.Title)} " +
            $"{Organization(Motion.FactionName).Genitive} ab. Ihre Stimme ist gefragt."],
        [
            $"Bitte stimmen Sie bis zum {FormatDateTime(Deadline)} mit Ja, Nein oder Enthaltung ab. Bis dahin können Sie Ihre Stimme ändern.",
            "Die Abstimmung endet früher, sobald alle Mitglieder abgestimmt haben oder eine Mehrheit feststeht.",
            PersonalLink,
        ])
    {
        Greeting = Greeting,
        Facts = VoteFacts(),
    };
}

/// <summary>The one reminder to members who have not voted (default: 3 days before the deadline).</summary>
public sealed record VoteReminder : BeiratVoteNotification
{
    internal override MailContent Compose() => new(
        "Erinnerung an Ihre Stimme im Beirat",
        [$"Sie haben zum Antrag {Quoted(Motion.Title)} im Beirat {Quoted(BeiratName)} noch nicht abgestimmt. " +
            $"Die Abstimmung endet am {FormatDateTime(Deadline)}."],
        ["Bitte stimmen Sie bis dahin ab; danach ist keine Stimme mehr möglich.", PersonalLink])
    {
        Greeting = Greeting,
        Facts = VoteFacts(),
    };
}
