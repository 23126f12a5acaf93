using System.Text;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// How a motion is found by any part of a title word or of its reference ("Fahrrad" finds "Fahrradbügel", "0001"
/// finds "A/2026/0001"): it is listed under every three-letter piece (trigram) of its words, lower-case with umlauts
/// kept. A search reads the list of one trigram of its terms and keeps the motions that contain every term.
/// </summary>
public static class SearchWords
{
    /// <summary>Shorter search terms ("im", "an") have no trigram and are ignored.</summary>
    public const int MinLength = 3;

    /// <summary>
    /// At most this many trigrams per motion, the reference's first: an index row each, so a 250-character title
    /// cannot make hundreds. A typical title has 20 to 40; words past the limit are not found by their later parts.
    /// </summary>
    public const int MaxGrams = 100;

    /// <summary>German letters by frequency: a trigram of rare letters lists fewer motions, so a search reads it.</summary>
    private const string FrequentFirst = "enisratdhulcgmobwfkzpvüäößjyxq";

    public static IReadOnlyList<string> Grams(string title, string? reference) =>
        Words(title, reference).SelectMany(Trigrams).Distinct().Take(MaxGrams).ToList();

    /// <summary>The search terms of a query (ignoring those shorter than <see cref="MinLength"/>).</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        query is null ? [] : Split(query).Where(t => t.Length >= MinLength).ToList();

    /// <summary>The trigram whose list a search reads: the rarest-looking one of its longest term.</summary>
    public static string GramToRead(IReadOnlyList<string> terms) =>
        Trigrams(terms.OrderByDescending(t => t.Length).First()).OrderByDescending(Rarity).First();

    /// <summary>Whether a listed motion contains every term in a title word or its reference.</summary>
    public static bool Matches(string title, string? reference, IReadOnlyList<string> terms)
    {
        var words = Words(title, reference).ToList();
        return terms.All(term => words.Any(w => w.Contains(term, StringComparison.Ordinal)));
    }

    /// <summary>Splits a text into words; references ("A/2026/0042") stay whole.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Contains('/', StringComparison.Ordinal) ? Normalize(w) : Normalize(w.Trim(Punctuation)))
            .Where(w => w.Length > 0)
            .ToList();

    private static IEnumerable<string> Words(string title, string? reference) =>
        (reference is { Length: > 0 } ? [Normalize(reference)] : Array.Empty<string>()).Concat(Split(title));

    private static IEnumerable<string> Trigrams(string word)
    {
        for (var i = 0; i + MinLength <= word.Length; i++)
        {
            yield return word.Substring(i, MinLength);
        }
    }

    private static int Rarity(string gram) => gram.Sum(c => FrequentFirst.IndexOf(c, StringComparison.Ordinal) is var rank and >= 0 ? rank : 15);

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
