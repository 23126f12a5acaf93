using System.Text;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// The words a motion can be found by: title words of three letters or more, and its reference. Lower-case with
/// umlauts kept, so "Integrationskonzept" and "A/2026/0042" are found by what a clerk types.
/// </summary>
public static class SearchWords
{
    private const int MaxWords = 24;

    /// <summary>Shorter title words ("im", "an") are not indexed, so a search ignores them too.</summary>
    public const int MinLength = 3;

    public static IReadOnlyList<string> Of(string title, string? reference)
    {
        var words = Split(title).Where(w => w.Length >= MinLength);
        if (reference is { Length: > 0 })
        {
            words = words.Append(Normalize(reference));
        }
        return words.Distinct().Take(MaxWords).ToList();
    }

    /// <summary>Splits a search the way titles are split; references stay whole.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Contains('/', StringComparison.Ordinal) ? Normalize(w) : Normalize(w.Trim(Punctuation)))
            .Where(w => w.Length > 0)
            .ToList();

    private static readonly char[] Punctuation = ['.', ',', ';', ':', '!', '?', '"', '\'', '„', '“', '(', ')', '[', ']', '-', '–'];

    /// <summary>Index partition keys may not contain '/', '\\', '#' or '?'.</summary>
    private static string Normalize(string word)
    {
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            builder.Append(c is '/' or '\\' or '#' or '?' ? '_' : char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString().Trim();
    }
}
