namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// The answer of a use case, for the API and the pages alike: a value, or what kind of refusal with a German
/// explanation (and per-field messages for invalid input).
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Kind.Succeeded();

    public Outcome<TOther> As<TOther>(TOther? value = default) => new(Kind, value, Detail, Errors);
}

public static class Outcomes
{
    public const string NotFound = "Diesen Antrag gibt es nicht.";

    public static Outcome<T> Ok<T>(T value, OutcomeKind kind = OutcomeKind.Done, string? detail = null) => new(kind, value, detail);

    public static Outcome<T> Fail<T>(OutcomeKind kind, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(kind, default, detail, errors);
}
