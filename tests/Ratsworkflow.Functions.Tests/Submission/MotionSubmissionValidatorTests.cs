using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tests.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Submission;

public class MotionSubmissionValidatorTests
{
    private static readonly MotionSubmission Valid = ValidSubmission.Create();

    [Fact]
    public void Validate_CompleteSubmission_NoErrors() => Assert.Empty(Validate(Valid));

    [Fact]
    public void Validate_OnlyRequiredFields_NoErrors() =>
        Assert.Empty(Validate(Valid with { FinancialImpact = null, BeiratReview = false, Consultations = null }));

    [Fact]
    public void Validate_EmptySubmission_GermanMessagePerRequiredField()
    {
        var errors = Validate(new MotionSubmission(null, null, null, null, null, null));

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                ["factionId"] = ["Bitte wählen Sie Ihre Fraktion oder Gruppe aus."],
                ["submitterName"] = ["Bitte geben Sie Ihren Namen ein."],
                ["submitterEmail"] = ["Bitte geben Sie Ihre E-Mail-Adresse ein."],
                ["title"] = ["Bitte geben Sie einen Titel ein."],
                ["resolutionText"] = ["Bitte geben Sie den Beschlussvorschlag ein."],
                ["justification"] = ["Bitte geben Sie eine Begründung ein."],
            },
            errors);
    }

    [Theory]
    [InlineData("\u202E")] // RIGHT-TO-LEFT OVERRIDE: "Antrag gnp.exe" shows as "Antrag exe.png"
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200F")]
    public void Validate_BidiControlInTitleAndName_GermanMessagePerField(string control)
    {
        var errors = Validate(Valid with { Title = "Antrag " + control + "gnp.exe", SubmitterName = "Maria" + control + " Beispiel" });

        Assert.Equal(["title", "submitterName"], errors.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Contains("Schreibrichtung", errors["title"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Der Titel", errors["title"].Single(), StringComparison.Ordinal);
        Assert.StartsWith("Der Name", errors["submitterName"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RightToLeftScriptWithoutControls_NoErrors() =>
        Assert.Empty(Validate(Valid with { Title = "Sprachkurse auf العربية und עברית", SubmitterName = "Fatima Al-Hassan" }));

    [Fact]
    public void Validate_WhitespaceOnlyTitle_TreatedAsMissing() =>
        Assert.Equal(["Bitte geben Sie einen Titel ein."], Validate(Valid with { Title = " \t " })["title"]);

    [Fact]
    public void Validate_TitleOf250_Accepted() => Assert.Empty(Validate(Valid with { Title = new string('T', 250) }));

    [Fact]
    public void Validate_TitleOf251_MessageWithLimit() =>
        Assert.Equal(["Der Titel darf höchstens 250 Zeichen lang sein (eingegeben: 251)."], Validate(Valid with { Title = new string('T', 251) })["title"]);

    [Fact]
    public void Validate_NameOf201_MessageWithLimit() =>
        Assert.Equal(["Der Name darf höchstens 200 Zeichen lang sein (eingegeben: 201)."], Validate(Valid with { SubmitterName = new string('N', 201) })["submitterName"]);

    [Theory]
    [InlineData("resolutionText", "Der Beschlussvorschlag darf höchstens 20.000 Zeichen lang sein (eingegeben: 20.001).")]
    [InlineData("justification", "Die Begründung darf höchstens 20.000 Zeichen lang sein (eingegeben: 20.001).")]
    [InlineData("financialImpact", "Die Angabe zu den finanziellen Auswirkungen darf höchstens 20.000 Zeichen lang sein (eingegeben: 20.001).")]
    public void Validate_LongTextOver20000_MessageWithLimit(string field, string expected)
    {
        var text = new string('x', 20_001);
        var submission = field switch
        {
            "resolutionText" => Valid with { ResolutionText = text },
            "justification" => Valid with { Justification = text },
            _ => Valid with { FinancialImpact = text },
        };

        Assert.Equal([expected], Validate(submission)[field]);
    }

    [Fact]
    public void Validate_LongTextWithBrowserLineBreaks_CountsEachBreakOnce()
    {
        // 10,000 lines of "x" with CRLF are 20,000 characters as typed, 29,999 as sent.
        var text = string.Join("\r\n", Enumerable.Repeat("x", 10_000)) + "x";

        Assert.Empty(Validate(Valid with { Justification = text }));
    }

    [Theory]
    [InlineData("Erste Zeile\nzweite Zeile")]
    [InlineData("Mit\tTabulator")]
    [InlineData("Null\0Zeichen")]
    [InlineData("Escape\u001b[31m")]
    public void Validate_TitleWithLineBreakOrControlCharacter_Refused(string title) =>
        Assert.Equal(["Der Titel darf keine Zeilenumbrüche oder Steuerzeichen enthalten."], Validate(Valid with { Title = title })["title"]);

    [Fact]
    public void Validate_LongTextsWithLineBreaksAndTabs_Accepted() =>
        Assert.Empty(Validate(Valid with { ResolutionText = "1.\tPunkt\r\n2.\tPunkt", Justification = "a\n\nb" }));

    [Fact]
    public void Validate_LongTextWithBell_Refused() =>
        Assert.Equal(["Die Begründung enthält unzulässige Steuerzeichen."], Validate(Valid with { Justification = "Achtung\u0007" })["justification"]);

    [Theory]
    [InlineData("erika")]
    [InlineData("erika@")]
    [InlineData("@example.org")]
    [InlineData("erika@example")]
    [InlineData("Erika <erika@example.org>")]
    [InlineData("erika@@example.org")]
    [InlineData("eri ka@example.org")]
    public void Validate_InvalidEmail_Refused(string email) =>
        Assert.Equal(["Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org."], Validate(Valid with { SubmitterEmail = email })["submitterEmail"]);

    [Fact]
    public void Validate_UnknownFaction_Refused() =>
        Assert.Equal(["„piraten“ ist keine registrierte Fraktion oder Gruppe. Bitte wählen Sie eine aus der Liste."], Validate(Valid with { FactionId = "piraten" })["factionId"]);

    [Fact]
    public void Validate_CommitteeAsFaction_Refused() =>
        Assert.Equal(["„Ausschuss für Finanzen“ ist keine Fraktion oder Gruppe; nur Fraktionen und Gruppen können Anträge stellen."],
            Validate(Valid with { FactionId = TestCatalog.Finance })["factionId"]);

    [Fact]
    public void Validate_BeiratReviewWithoutAdvisoryBoard_Refused()
    {
        var errors = MotionSubmissionValidator.Validate(Valid, TestCatalog.WithoutAdvisoryBoard());

        Assert.Equal(["Eine Beteiligung des Beirats ist nicht möglich, weil kein Beirat mit stimmberechtigten Mitgliedern eingerichtet ist."], errors["beiratReview"]);
    }

    [Fact]
    public void Validate_NoBeiratReviewWithoutAdvisoryBoard_Accepted() =>
        Assert.Empty(MotionSubmissionValidator.Validate(Valid with { BeiratReview = false }, TestCatalog.WithoutAdvisoryBoard()));

    [Fact]
    public void Validate_SeveralProblems_AllReportedAtOnce()
    {
        var errors = Validate(Valid with { Title = "", SubmitterEmail = "x", Consultations = ["rat"] });

        Assert.Equal(["consultations", "submitterEmail", "title"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private static IReadOnlyDictionary<string, string[]> Validate(MotionSubmission submission) =>
        MotionSubmissionValidator.Validate(submission, TestCatalog.Sample);
}
