using Microsoft.AspNetCore.Razor.TagHelpers;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Pages;
using Ratsworkflow.Functions.Tests.Organizations;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Web.TagHelpers;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Web;

/// <summary>What the motion pages (faction, Beirat member, clerk) say about the Beirat and the way a motion took.</summary>
public sealed class MotionProgressTextTests
{
    private static readonly MotionRecord Motion = new()
    {
        MotionId = "m1", Reference = "A/2026/0001", FactionId = "spd", SubmitterName = "Maria", SubmitterEmail = "maria@example.org",
        Title = "Sprachcafé", ResolutionText = "Der Rat beschließt.", Justification = "Weil.", CreatedAt = DateTimeOffset.UnixEpoch,
        BeiratReview = true, RequestedConsultations = ["ausschuss-soziales"],
    };

    [Theory]
    [InlineData(BeiratOutcome.Recommends, "Der Integrationsrat empfiehlt den Antrag (Ja 1, Nein 0, Enthaltung 0).")]
    [InlineData(BeiratOutcome.Rejects, "Der Integrationsrat empfiehlt, den Antrag abzulehnen (Ja 1, Nein 0, Enthaltung 0).")]
    [InlineData(BeiratOutcome.None, "Der Integrationsrat gibt keine Empfehlung ab, weil nicht genug stimmberechtigte Mitglieder abgestimmt haben (Ja 1, Nein 0, Enthaltung 0).")]
    public void BeiratResult_ClosedVote_IsAWholeSentence(BeiratOutcome outcome, string expected)
    {
        var record = Motion with { Beirat = new BeiratSummary("integrationsrat", 1, DateTimeOffset.UnixEpoch, new VoteCount(1, 0, 0), 7, outcome) };

        Assert.Equal(expected, new MotionDetails(record, TestCatalog.Sample).BeiratResult);
    }

    [Fact]
    public void Steps_WithdrawnDuringTheCommittees_ShowWhatWasDoneAndWhatNoLongerComes()
    {
        var record = Motion with
        {
            Stage = MotionStage.Withdrawn,
            Beirat = new BeiratSummary("integrationsrat", 1, DateTimeOffset.UnixEpoch, new VoteCount(5, 0, 0), 7, BeiratOutcome.Recommends),
            Consultations = [new Consultation("ausschuss-soziales", false, new DateOnly(2026, 3, 3)), new Consultation("rat", true)],
        };
        var details = new MotionDetails(record, TestCatalog.Sample);

        var states = Render(new StepsTagHelper { Stage = details.Stage, Beirat = true, WithdrawnAt = details.WithdrawnAt });

        Assert.Equal(["Eingang erledigt", "Beirat erledigt", "Ausschüsse zurückgezogen", "Rat entfällt", "Beschluss entfällt"], states);
    }

    [Fact]
    public void Steps_WithdrawnBeforeAnyConsultation_ReceiptIsDone()
    {
        var record = Motion with { Stage = MotionStage.Withdrawn, BeiratReview = false };
        var details = new MotionDetails(record, TestCatalog.Sample);

        var states = Render(new StepsTagHelper { Stage = details.Stage, Beirat = false, WithdrawnAt = details.WithdrawnAt });

        Assert.Equal(["Eingang zurückgezogen", "Beirat entfällt", "Ausschüsse entfällt", "Rat entfällt", "Beschluss entfällt"], states);
    }

    [Theory]
    [InlineData(1, "Seine Mitglieder stimmen innerhalb von einem Tag ab; danach beraten die Ausschüsse.")]
    [InlineData(14, "Seine Mitglieder stimmen innerhalb von 14 Tagen ab; danach beraten die Ausschüsse.")]
    public void BeiratHint_ConfiguredDays_GrammaticalCount(int days, string expected) =>
        Assert.Equal(expected, Ratsworkflow.Functions.Pages.Antrag.NeuModel.BeiratHint(TestCatalog.Sample.Phrase("integrationsrat"), days));

    /// <summary>Each step's label and state, as a screen reader reads the list.</summary>
    private static List<string> Render(StepsTagHelper helper)
    {
        var context = new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "steps");
        var output = new TagHelperOutput("rw-steps", new TagHelperAttributeList(), (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        var html = output.Content.GetContent();
        return System.Text.RegularExpressions.Regex.Matches(html, "steps__label\">([^<]+)</span><span class=\"steps__state\">([^<]+)<")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) + " " + m.Groups[2].Value).ToList();
    }
}
