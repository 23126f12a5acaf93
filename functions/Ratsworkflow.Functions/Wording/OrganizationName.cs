namespace Ratsworkflow.Functions.Wording;

public enum GrammaticalGender
{
    Masculine,
    Feminine,
    Neuter,
}

/// <summary>
/// An organization's name as a German sentence needs it: with its article, declined, and with the contractions a
/// preposition takes ("im Rat der Stadt Göttingen", "von der SPD-Ratsfraktion", "des Ausschusses für Finanzen").
/// The article comes from the catalog (<c>article</c>: der, die, das) or, without one, from the head noun: the first
/// word's last part ("SPD-Ratsfraktion" → "…fraktion" → die). Every generated sentence that names an organization
/// builds it with this, instead of quoting a bare name („SPD-Ratsfraktion“), which leaves the article out.
/// </summary>
public sealed record OrganizationName(string Name, GrammaticalGender Gender)
{
    // Checked in this order; anything else is masculine (Rat, Ausschuss, Beirat, Kreistag, Vorstand …).
    private static readonly string[] NeuterEndings = ["parlament", "gremium", "forum", "präsidium", "kollegium", "komitee", "büro", "amt", "plenum"];
    private static readonly string[] FeminineEndings =
        ["fraktion", "gruppe", "ung", "ion", "schaft", "heit", "keit", "konferenz", "runde", "kammer", "versammlung", "stelle", "e"];

    /// <param name="article">The catalog's nominative article (der, die, das); null to derive it from the name.</param>
    public static OrganizationName Of(string name, string? article = null) => new(name, article switch
    {
        "der" => GrammaticalGender.Masculine,
        "die" => GrammaticalGender.Feminine,
        "das" => GrammaticalGender.Neuter,
        _ => Guess(name),
    });

    /// <summary>The articles a catalog may give.</summary>
    public static bool IsArticle(string? article) => article is "der" or "die" or "das";

    /// <summary>"der Integrationsrat", "die SPD-Ratsfraktion"; capitalize at a sentence's start with <see cref="Capitalized"/>.</summary>
    public string Nominative => Pick("der", "die", "das") + " " + Name;

    public string Accusative => Pick("den", "die", "das") + " " + Name;

    public string Dative => Pick("dem", "der", "dem") + " " + Name;

    /// <summary>"des Ausschusses für Finanzen", "der SPD-Ratsfraktion": the head word takes the genitive ending.</summary>
    public string Genitive => Gender == GrammaticalGender.Feminine ? "der " + Name : "des " + GenitiveName();

    /// <summary>"im Rat der Stadt Göttingen", "in der SPD-Ratsfraktion".</summary>
    public string In => Gender == GrammaticalGender.Feminine ? "in der " + Name : "im " + Name;

    /// <summary>"vom Ausschuss für Finanzen", "von der SPD-Ratsfraktion".</summary>
    public string From => Gender == GrammaticalGender.Feminine ? "von der " + Name : "vom " + Name;

    /// <summary>"beim Verwaltungsausschuss", "bei der SPD-Ratsfraktion".</summary>
    public string At => Gender == GrammaticalGender.Feminine ? "bei der " + Name : "beim " + Name;

    /// <summary>The possessive stem for "… hat seine/ihre Beratung abgeschlossen": "sein" or "ihr".</summary>
    public string Possessive => Pick("sein", "ihr", "sein");

    public static string Capitalized(string phrase) => phrase.Length == 0 ? phrase : char.ToUpperInvariant(phrase[0]) + phrase[1..];

    private string Pick(string masculine, string feminine, string neuter) => Gender switch
    {
        GrammaticalGender.Feminine => feminine,
        GrammaticalGender.Neuter => neuter,
        _ => masculine,
    };

    private string GenitiveName()
    {
        var space = Name.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? Name : Name[..space];
        var ending = head.EndsWith('s') || head.EndsWith('ß') || head.EndsWith('x') || head.EndsWith('z')
            || head.EndsWith("sch", StringComparison.Ordinal) ? "es" : "s";
        return head + ending + (space < 0 ? "" : Name[space..]);
    }

    private static GrammaticalGender Guess(string name)
    {
        var head = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        head = head[(head.LastIndexOf('-') + 1)..].ToLowerInvariant();
        return NeuterEndings.Any(head.EndsWith) ? GrammaticalGender.Neuter
            : FeminineEndings.Any(head.EndsWith) ? GrammaticalGender.Feminine
            : GrammaticalGender.Masculine;
    }
}
