using System.Globalization;

namespace Ratsworkflow.Functions.Input;

/// <summary>How a text field is checked; <paramref name="What"/> names it in a sentence, e.g. "Der Titel".</summary>
/// <param name="MissingMessage">Null when the field is optional.</param>
public sealed record TextRule(string What, int MaxLength, bool Multiline, string? MissingMessage);

/// <summary>Checks shared by every form and API field that takes text from a person.</summary>
public static class InputText
{
    public const int MaxLongText = 20_000;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Trims, and for long texts turns CRLF (what browsers send from a textarea) into LF, so a limit counts what the
    /// person typed and a stored text looks the same whichever client sent it.
    /// </summary>
    public static string? Normalize(string? value, bool multiline)
    {
        if (value is null)
        {
            return null;
        }
        return (multiline ? value.ReplaceLineEndings("\n") : value).Trim();
    }

    /// <summary>
    /// Control characters are never typed by a person; they break mail headers, CSV exports and the dashboard.
    /// Long texts keep line breaks and tabs.
    /// </summary>
    public static bool HasForbiddenCharacters(string value, bool multiline) =>
        value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'));

    /// <summary>
    /// Characters that reorder how text is shown (bidirectional embeddings, overrides and isolates): "Antrag
    /// \u202Egnp.exe" shows as "Antrag exe.png" on the dashboard and in mails. Arabic or Hebrew words need none of them;
    /// single-line fields (titles, names) refuse the invisible direction marks U+200E/U+200F too.
    /// </summary>
    public static bool HasBidiControls(string value, bool multiline) => value.Any(c => IsBidiControl(c, withMarks: !multiline));

    /// <param name="withMarks">Counts the direction marks U+200E/U+200F too.</param>
    public static bool IsBidiControl(char c, bool withMarks) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || (withMarks && c is '\u200E' or '\u200F');

    /// <summary>Adds the messages for <paramref name="value"/> (already normalized) to <paramref name="errors"/>; true when it is fine.</summary>
    public static bool Check(FieldErrors errors, string field, string? value, TextRule rule)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (rule.MissingMessage is not null)
            {
                errors.Add(field, rule.MissingMessage);
                return false;
            }
            return true;
        }
        var fine = true;
        if (value.Length > rule.MaxLength)
        {
            errors.Add(field, $"{rule.What} darf höchstens {Number(rule.MaxLength)} Zeichen lang sein (eingegeben: {Number(value.Length)}).");
            fine = false;
        }
        if (HasForbiddenCharacters(value, rule.Multiline))
        {
            errors.Add(field, rule.Multiline
                ? $"{rule.What} enthält unzulässige Steuerzeichen."
                : $"{rule.What} darf keine Zeilenumbrüche oder Steuerzeichen enthalten.");
            fine = false;
        }
        if (HasBidiControls(value, rule.Multiline))
        {
            errors.Add(field, $"{rule.What} enthält unsichtbare Steuerzeichen für die Schreibrichtung (z. B. U+202E), " +
                "die den angezeigten Text verfälschen können. Bitte entfernen Sie sie.");
            fine = false;
        }
        return fine;
    }

    /// <summary>Quotes a value the client sent, shortened so a message never echoes a huge or hostile input in full.</summary>
    public static string Quote(string value)
    {
        const int max = 60;
        var shown = new string(value.Where(c => !char.IsControl(c)).Take(max + 1).ToArray());
        return "„" + (shown.Length > max ? shown[..max] + "…" : shown) + "“";
    }

    private static string Number(int value) => value.ToString("#,0", German);
}
