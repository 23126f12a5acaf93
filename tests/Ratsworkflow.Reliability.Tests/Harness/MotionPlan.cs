namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>Votes as the API takes and shows them.</summary>
public sealed record Votes(int Yes, int No, int Abstain);

/// <summary>
/// What a test sends for one motion, so the end state can be compared with it: the Beirat's choices (if reviewed), the
/// committee's and the council's vote counts and the council's outcome. Numbers vary per motion, so a result landing on
/// the wrong motion or a lost one shows.
/// </summary>
public sealed record MotionPlan(int Number, IReadOnlyList<string>? BeiratChoices, Votes Committee, Votes Council, string CouncilOutcome)
{
    public const string CommitteeId = "ausschuss-soziales";
    public const string CouncilId = "rat";

    /// <summary>Never more than half of seven alike, so the vote closes only when all seven are in: 3:3:1 (tie → rejects) or 3:2:2.</summary>
    private static readonly string[][] SevenChoices =
    [
        ["yes", "no", "yes", "no", "yes", "no", "abstain"],
        ["yes", "no", "yes", "no", "yes", "abstain", "abstain"],
    ];

    public string Title => $"Zuverlässigkeit {Number:D3}: Quartiersentwicklung {Guid.NewGuid().ToString("N")[..6]}";

    public static MotionPlan For(int number, bool beirat) => new(
        number,
        beirat ? SevenChoices[number % 2] : null,
        new Votes(5 + (number % 7), number % 3, 1),
        new Votes(20 + (number % 11), 3 + (number % 5), number % 2),
        number % 2 == 0 ? "approved" : "rejected");

    public Votes ExpectedBeirat => new(Count("yes"), Count("no"), Count("abstain"));

    private int Count(string choice) => BeiratChoices?.Count(c => c == choice) ?? 0;
}
