using Ratsworkflow.Functions.Input;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Input;

public class InputTextTests
{
    private static readonly TextRule Optional = new("Die Notiz", 10, Multiline: true, MissingMessage: null);

    [Fact]
    public void Check_OptionalAndMissing_Fine()
    {
        var errors = new FieldErrors();

        Assert.True(InputText.Check(errors, "note", null, Optional));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Check_TooLongAndControlCharacter_BothReported()
    {
        var errors = new FieldErrors();

        Assert.False(InputText.Check(errors, "note", "12345678901\u0001", Optional));
        Assert.Equal(2, errors.ToDictionary()["note"].Length);
    }

    [Theory]
    [InlineData("a\u0085b", true)]
    [InlineData("a\u007fb", true)]
    [InlineData("Grüße, ça va? 🙂", false)]
    public void HasForbiddenCharacters_SingleLine_OnlyControlCharacters(string value, bool expected) =>
        Assert.Equal(expected, InputText.HasForbiddenCharacters(value, multiline: false));

    [Fact]
    public void Quote_ShortValue_GermanQuotes() => Assert.Equal("„abc“", InputText.Quote("abc"));

    [Fact]
    public void Quote_ControlCharacters_LeftOut() => Assert.Equal("„ab“", InputText.Quote("a\r\nb"));

    [Fact]
    public void FieldErrors_SameMessageTwice_KeptOnce()
    {
        var errors = new FieldErrors();
        errors.Add("title", "A");
        errors.Add("title", "A");
        errors.Add("title", "B");

        Assert.Equal(["A", "B"], errors.ToDictionary()["title"]);
        Assert.False(errors.IsEmpty);
    }
}
