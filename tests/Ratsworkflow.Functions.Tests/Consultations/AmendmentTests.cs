using Ratsworkflow.Functions.Consultations;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

public class AmendmentTests
{
    private const string NewText = "Die Verwaltung wird beauftragt, bis Juni einen Bericht vorzulegen.";
    private static readonly DateOnly March12 = new(2026, 3, 12);

    [Fact]
    public void Result_Amended_NewTextReplacesCurrentAndHistoryKeepsVersions()
    {
        var sequence = new Sequence(Social).Schedule(Social, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Amended, NewText));

        Assert.Contains(new ResolutionTextAmended(0, Social, 2, NewText, March12), decision.Events);
        Assert.Equal(NewText, sequence.State.ResolutionText);
        Assert.Equal(
            [new ResolutionTextVersion(1, Sequence.OriginalText), new ResolutionTextVersion(2, NewText, Social, March12)],
            sequence.State.ResolutionTexts);
    }

    [Fact]
    public void Result_CouncilAmended_DecidedWithTheNewText()
    {
        var sequence = new Sequence().Schedule(Council, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Council, ConsultationOutcome.Amended, NewText));

        Assert.Equal(new MotionDecided(0, Council, ConsultationOutcome.Amended, March12, NewText), decision.Events[^1]);
    }

    [Fact]
    public void Result_AmendedTextWithBrowserLineBreaks_StoredWithLf()
    {
        var sequence = new Sequence(Social).Meets(Social, March12, ConsultationOutcome.Amended, " 1. Bericht\r\n2. Vorlage ");

        Assert.Equal("1. Bericht\n2. Vorlage", sequence.State.ResolutionText);
    }

    [Fact]
    public void Result_AmendedWithoutText_InvalidInput()
    {
        var error = new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, ConsultationOutcome.Amended)).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal(["Bitte geben Sie den geänderten Beschlussvorschlag ein."], error!.Errors["resolutionText"]);
    }

    [Fact]
    public void Result_AmendedWithUnchangedText_InvalidInputPointsToApproved() =>
        Assert.Equal(["Der Beschlussvorschlag ist unverändert. Wählen Sie „ungeändert“, wenn nichts geändert wurde."],
            Error(ConsultationOutcome.Amended, Sequence.OriginalText + "\r\n")["resolutionText"]);

    [Fact]
    public void Result_AmendedTextTooLong_InvalidInput() =>
        Assert.Equal(["Der geänderte Beschlussvorschlag darf höchstens 20.000 Zeichen lang sein (eingegeben: 20.001)."],
            Error(ConsultationOutcome.Amended, new string('x', 20_001))["resolutionText"]);

    [Fact]
    public void Result_AmendedTextWithControlCharacter_InvalidInput() =>
        Assert.Equal(["Der geänderte Beschlussvorschlag enthält unzulässige Steuerzeichen."], Error(ConsultationOutcome.Amended, "Text\0")["resolutionText"]);

    [Fact]
    public void Result_TextWithOtherOutcome_InvalidInput() =>
        Assert.Equal(["Einen neuen Beschlussvorschlag können Sie nur beim Ergebnis „geändert“ angeben."], Error(ConsultationOutcome.Approved, NewText)["resolutionText"]);

    private static IReadOnlyDictionary<string, string[]> Error(ConsultationOutcome outcome, string text) =>
        new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, outcome, text)).Error!.Errors;
}
