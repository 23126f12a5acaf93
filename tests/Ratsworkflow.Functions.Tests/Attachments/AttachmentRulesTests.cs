using System.Text;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Input;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Attachments;

public sealed class AttachmentRulesTests
{
    private static readonly AttachmentOptions Options = new() { MaxBytes = 1000, MaxCount = 2 };

    public static byte[] Pdf(int length = 200, int headerAt = 0)
    {
        var content = new byte[length];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(content, headerAt);
        return content;
    }

    [Fact]
    public void Validate_PdfWithinLimits_NoError()
    {
        Assert.Empty(Errors(new AttachmentUpload("Plan.pdf", Pdf()), new AttachmentUpload("Karte.pdf", Pdf(1000, headerAt: 900))));
    }

    [Theory]
    [InlineData("bild.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "keine PDF-Datei")]
    [InlineData("script.pdf", new byte[] { 0x3C, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x3E }, "keine PDF-Datei")]
    [InlineData("leer.pdf", new byte[0], "ist leer")]
    public void Validate_ContentThatIsNoPdf_RefusedByContentNotByName(string name, byte[] content, string message)
    {
        var errors = Errors(new AttachmentUpload(name, content));

        Assert.Contains(message, Assert.Single(errors["attachments"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeaderAfterTheFirst1024Bytes_IsNoPdf()
    {
        Assert.False(AttachmentRules.IsPdf(Pdf(2000, headerAt: 1100)));
        Assert.True(AttachmentRules.IsPdf(Pdf(2000, headerAt: 1019)));
    }

    [Fact]
    public void Validate_FileOverTheLimit_RefusedWithTheLimitInMegabytes()
    {
        var errors = Errors(new AttachmentUpload("gross.pdf", Pdf(1001)));

        Assert.Equal("Die Anlage „gross.pdf“ ist zu groß (höchstens 0 MB).", Assert.Single(errors["attachments"]));
    }

    [Fact]
    public void Validate_MoreFilesThanAllowed_Refused()
    {
        var errors = Errors(new AttachmentUpload("a.pdf", Pdf()), new AttachmentUpload("b.pdf", Pdf()), new AttachmentUpload("c.pdf", Pdf()));

        Assert.Equal("Bitte fügen Sie höchstens 2 Anlagen bei.", Assert.Single(errors["attachments"]));
    }

    [Theory]
    [InlineData("Haushalt 2027.pdf", "Haushalt 2027.pdf")]
    [InlineData("C:\\Users\\maria\\Plan.PDF", "Plan.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("a\"b;\r\nContent-Type: text.pdf", "abContent-Type text.pdf")]
    [InlineData("<script>.pdf", "script.pdf")]
    [InlineData("Plan\u202Efdp.exe.pdf", "Planfdp.exe.pdf")]
    [InlineData("Plan\u2067x\u2069\u200F.pdf", "Planx.pdf")]
    [InlineData("...", "Anlage.pdf")]
    [InlineData(null, "Anlage.pdf")]
    public void SafeFileName_AnyName_LastSegmentWithoutSyntaxEndingInPdf(string? name, string expected)
    {
        Assert.Equal(expected, AttachmentRules.SafeFileName(name));
    }

    private static IReadOnlyDictionary<string, string[]> Errors(params AttachmentUpload[] uploads)
    {
        var errors = new FieldErrors();
        AttachmentRules.Validate(uploads, Options, errors);
        return errors.ToDictionary();
    }
}
