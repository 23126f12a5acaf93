using Ratsworkflow.Functions.Motions;
using ConsultationOutcome = Ratsworkflow.Functions.Consultations.ConsultationOutcome;
using Ratsworkflow.Functions.Beirat;
using System.Xml.Linq;
using Ratsworkflow.Functions.Email;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Email;

public sealed class NotificationRendererTests
{
    private const string Base = "https://rat.example.org";
    private readonly NotificationRenderer _renderer = new(new Uri(Base));

    public static TheoryData<string> Kinds => Samples.Kinds();

    [Fact]
    public void Samples_EveryConcreteKind_IsCovered()
    {
        var kinds = typeof(Notification).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Notification)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(kinds, Samples.All().Select(n => n.GetType().Name).Order());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EveryKind_HasSubjectWhatHappenedWhatNextAndAbsoluteLink(string kind)
    {
        var notification = Samples.OfKind(kind);

        var email = _renderer.Render(notification);

        var link = Base + notification.Link.Path;
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.Contains($"href=\"{link}\"", email.HtmlBody);
        Assert.Contains(link, email.TextBody);
        Assert.Contains("Wie geht es weiter?", email.HtmlBody);
        Assert.Contains("Wie geht es weiter?", email.TextBody);
        Assert.Contains(notification.Link.Label, email.TextBody);
        if (notification is MotionNotification { Motion: var motion })
        {
            Assert.Contains(motion.Title, email.Subject);
            Assert.Contains(motion.Title, email.TextBody);
            Assert.Contains(motion.Title, email.HtmlBody);
            if (motion.Reference is { } reference)
            {
                Assert.StartsWith($"[{reference}] ", email.Subject);
                Assert.Contains($"Aktenzeichen: {reference}", email.TextBody);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_EveryKind_HtmlIsWellFormedGermanAndSelfContained(string kind)
    {
        var email = _renderer.Render(Samples.OfKind(kind));

        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody);
        var html = XDocument.Parse(email.HtmlBody["<!DOCTYPE html>".Length..]).Root!;
        Assert.Equal("de", (string?)html.Attribute("lang"));
        var elements = html.Descendants().Select(e => e.Name.LocalName).ToHashSet();
        Assert.Contains("h1", elements);
        Assert.DoesNotContain("img", elements);
        Assert.DoesNotContain("script", elements);
        Assert.DoesNotContain("link", elements);
        Assert.DoesNotContain(html.Descendants(), e => e.Attribute("src") is not null);
        Assert.Single(html.Descendants("a"));
        Assert.All(html.Descendants("th"), th => Assert.Equal("row", (string?)th.Attribute("scope")));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_TitleWithMarkup_IsEncodedInHtmlAndVerbatimInText(string kind)
    {
        const string title = "<script>alert('x')</script> Radwege & \"Gehwege\"";
        var notification = Samples.OfKind(kind, Samples.Motion(title: title));

        var email = _renderer.Render(notification);

        Assert.DoesNotContain("<script>", email.HtmlBody);
        Assert.DoesNotContain("alert('x')", email.HtmlBody);
        if (notification is MotionNotification)
        {
            Assert.Contains("&lt;script&gt;", email.HtmlBody);
            Assert.Contains("&amp;", email.HtmlBody);
            Assert.Contains(title, email.TextBody);
        }
        _ = XDocument.Parse(email.HtmlBody["<!DOCTYPE html>".Length..]);
    }

    [Fact]
    public void Render_UserTextInEveryField_IsEncoded()
    {
        var notification = new ConsultationResultRecorded
        {
            To = [Samples.Faction], Link = MailLink.FactionStatus("m<1>", "t\"><b>"), Motion = new MotionSummary("A/<i>", "<b>t</b>", "<u>F</u>"),
            OrganizationName = "<em>Ausschuss</em>", MeetingDate = new DateOnly(2026, 4, 14), Outcome = ConsultationOutcome.Referred,
            ReferredTo = "<s>Bau</s>", ResolutionText = "<table>", Votes = new VoteCount(1, 2, 3),
        };

        var email = _renderer.Render(notification);

        var html = XDocument.Parse(email.HtmlBody["<!DOCTYPE html>".Length..]).Root!;
        Assert.DoesNotContain(html.Descendants(), e => e.Name.LocalName is "b" or "i" or "u" or "em" or "s");
        Assert.Single(html.Descendants("table"));
        Assert.Equal($"{Base}/antrag/m%3C1%3E/status/t%22%3E%3Cb%3E", (string?)html.Descendants("a").Single().Attribute("href"));
    }

    [Theory]
    [InlineData("2026-03-29T22:30:00Z", "30.03.2026, 00:30 Uhr")] // summer time (CEST) began that night
    [InlineData("2026-01-15T23:30:00Z", "16.01.2026, 00:30 Uhr")] // winter time (CET)
    public void Render_Deadline_IsGermanDateAndTimeInBerlin(string utc, string expected)
    {
        var notification = (VoteRequested)Samples.OfKind(nameof(VoteRequested)) with { Deadline = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture) };

        var email = _renderer.Render(notification);

        Assert.Contains($"Abstimmung bis: {expected}", email.TextBody);
        Assert.Contains($"bis zum {expected} mit Ja, Nein oder Enthaltung", email.HtmlBody);
    }

    [Fact]
    public void Render_MeetingDate_IsGermanDate()
    {
        var email = _renderer.Render(Samples.OfKind(nameof(ConsultationScheduled)));

        Assert.Contains("Sitzung: 14.04.2026", email.TextBody);
        Assert.Contains("„Verwaltungsausschuss“ am 14.04.2026", email.HtmlBody);
    }

    [Theory]
    [InlineData(ConsultationOutcome.Approved, false, "Der Antrag wurde unverändert zur Annahme empfohlen.")]
    [InlineData(ConsultationOutcome.Amended, false, "Der Antrag wurde mit Änderungen zur Annahme empfohlen.")]
    [InlineData(ConsultationOutcome.Rejected, false, "Der Antrag wurde zur Ablehnung empfohlen.")]
    [InlineData(ConsultationOutcome.Postponed, false, "Der Antrag wurde vertagt.")]
    [InlineData(ConsultationOutcome.Referred, false, "Der Antrag wurde an „Bauausschuss“ verwiesen.")]
    [InlineData(ConsultationOutcome.Noted, false, "Der Antrag wurde zur Kenntnis genommen.")]
    [InlineData(ConsultationOutcome.Approved, true, "Der Antrag wurde unverändert beschlossen.")]
    [InlineData(ConsultationOutcome.Referred, true, "Der Antrag wurde an „Bauausschuss“ zurückverwiesen.")]
    public void Render_ConsultationOutcome_GermanWording(ConsultationOutcome outcome, bool council, string expected)
    {
        var notification = (ConsultationResultRecorded)Samples.OfKind(nameof(ConsultationResultRecorded)) with
        {
            Outcome = outcome, IsCouncil = council, ReferredTo = "Bauausschuss", NextBody = null,
        };

        var email = _renderer.Render(notification);

        Assert.Contains(expected, email.TextBody);
        Assert.Equal(!council, email.TextBody.Contains("verbindlich entscheidet erst der Rat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConsultationOutcome.Approved, false)]
    [InlineData(ConsultationOutcome.Amended, true)]
    [InlineData(ConsultationOutcome.Rejected, false)]
    [InlineData(ConsultationOutcome.Postponed, false)]
    [InlineData(ConsultationOutcome.Referred, false)]
    [InlineData(ConsultationOutcome.Noted, false)]
    public void Render_ConsultationResult_OnlyAnAmendedResultShowsAChangedText(ConsultationOutcome outcome, bool changed)
    {
        var notification = (ConsultationResultRecorded)Samples.OfKind(nameof(ConsultationResultRecorded)) with { Outcome = outcome };

        var email = _renderer.Render(notification);

        Assert.Equal(changed, email.TextBody.Contains("Geänderter Beschlussvorschlag: Der Rat beschließt, Radwege zu prüfen.", StringComparison.Ordinal));
        Assert.Equal(changed, email.HtmlBody.Contains("Geänderter Beschlussvorschlag", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TitleWithLineBreaks_SubjectIsOneLine()
    {
        var notification = Samples.OfKind(nameof(MotionRegistered), Samples.Motion(title: "Radwege\r\nBcc: x@example.org\tjetzt"));

        var email = _renderer.Render(notification);

        Assert.Equal("[A/2026/0042] Antrag registriert: Radwege Bcc: x@example.org jetzt", email.Subject);
    }

    [Fact]
    public void Render_MultiLineResolutionText_KeepsLineBreaks()
    {
        var email = _renderer.Render(Samples.OfKind(nameof(VoteRequested)));

        Assert.Contains("Der Rat beschließt:<br />1. Radwege bauen.<br />2. Bericht in einem Jahr.", email.HtmlBody);
        Assert.Contains("Beschlussvorschlag: Der Rat beschließt:\n  1. Radwege bauen.\n  2. Bericht in einem Jahr.\n", email.TextBody);
    }

    [Fact]
    public void Render_GermanText_IsNotEntityEncoded()
    {
        var email = _renderer.Render(Samples.OfKind(nameof(ConfirmationRequested)));

        Assert.Contains("Bitte bestätigen Sie den Antrag", email.HtmlBody);
        Assert.Contains("„Mehr Radwege in der Südstadt“", email.HtmlBody);
        Assert.Contains("Erika Müller", email.HtmlBody);
        Assert.StartsWith("Guten Tag,", email.TextBody);
    }

    [Fact]
    public void Render_UnregisteredMotion_HasNoReference()
    {
        var email = _renderer.Render(Samples.OfKind(nameof(ConfirmationRequested)));

        Assert.Equal("Bitte bestätigen Sie den Antrag: Mehr Radwege in der Südstadt", email.Subject);
        Assert.DoesNotContain("Aktenzeichen:", email.TextBody);
    }

    [Theory]
    [InlineData("https://example.org/rat/")]
    [InlineData("https://example.org/rat")]
    public void Render_BaseUrlWithPath_KeepsThePath(string baseUrl)
    {
        var email = new NotificationRenderer(new Uri(baseUrl)).Render(Samples.OfKind(nameof(VoteReminder)));

        Assert.Contains("https://example.org/rat/votum/vote-token\n", email.TextBody);
    }

    [Fact]
    public void MailLink_Token_IsTheEscapedLastPathSegment()
    {
        Assert.Equal("/votum/a%2Fb%3Fc", MailLink.Vote("a/b?c").Path);
        Assert.Equal("/antrag/m1/bestaetigen/tok", MailLink.Confirmation("m1", "tok").Path);
        Assert.Throws<ArgumentException>(() => MailLink.Vote(" "));
    }
}
