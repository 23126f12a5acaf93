namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// The answer of a use case, for the API and the pages alike: a value, or an HTTP-like status with a German
/// explanation (and per-field messages for invalid input).
/// </summary>
public sealed record Outcome<T>(int Status, T? Value = default, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public Outcome<TOther> As<TOther>(TOther? value = default) => new(Status, value, Detail, Errors);
}

public static class Outcomes
{
    public const string NotFound = "Diesen Antrag gibt es nicht.";

    public static Outcome<T> Ok<T>(T value, int status = 200, string? detail = null) => new(status, value, detail);

    public static Outcome<T> Fail<T>(int status, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, default, detail, errors);
}
