using Ratsworkflow.Functions.Submission;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Submission;

public class MotionSubmissionTests
{
    [Fact]
    public void Normalized_PaddedFields_Trimmed()
    {
        var normalized = new MotionSubmission(" spd ", " Erika ", " erika@example.org ", "  Titel  ", "\n Text \n", " Grund ").Normalized();

        Assert.Equal(("spd", "Erika", "erika@example.org", "Titel", "Text", "Grund"),
            (normalized.FactionId, normalized.SubmitterName, normalized.SubmitterEmail, normalized.Title, normalized.ResolutionText, normalized.Justification));
    }

    [Fact]
    public void Normalized_BrowserLineBreaks_BecomeLf() =>
        Assert.Equal("1.\n2.\n3.", (ValidSubmission.Create() with { ResolutionText = "1.\r\n2.\r3." }).Normalized().ResolutionText);

    [Fact]
    public void Normalized_BlankFinancialImpact_Null() =>
        Assert.Null((ValidSubmission.Create() with { FinancialImpact = " \r\n " }).Normalized().FinancialImpact);

    [Fact]
    public void Normalized_MissingConsultations_EmptyList() =>
        Assert.Empty((ValidSubmission.Create() with { Consultations = null }).Normalized().Consultations!);

    [Fact]
    public void Normalized_Twice_SameAsOnce()
    {
        var once = (ValidSubmission.Create() with { Title = " a ", Justification = "x\r\ny " }).Normalized();

        var twice = once.Normalized();

        Assert.Equal((once.Title, once.Justification, once.FinancialImpact), (twice.Title, twice.Justification, twice.FinancialImpact));
        Assert.Equal(once.Consultations, twice.Consultations);
    }

    [Fact]
    public void Deserialize_ApiJson_CamelCaseNames()
    {
        const string json = """
            { "factionId": "spd", "submitterName": "Erika", "submitterEmail": "e@example.org", "title": "T",
              "resolutionText": "R", "justification": "J", "financialImpact": null, "beiratReview": true,
              "consultations": ["ausschuss-soziales"] }
            """;

        var submission = System.Text.Json.JsonSerializer.Deserialize<MotionSubmission>(json, System.Text.Json.JsonSerializerOptions.Web)!;

        Assert.True(submission.BeiratReview);
        Assert.Equal(["ausschuss-soziales"], submission.Consultations!);
        Assert.Equal("e@example.org", submission.SubmitterEmail);
    }
}
