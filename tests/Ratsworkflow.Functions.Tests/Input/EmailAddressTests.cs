using Ratsworkflow.Functions.Input;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Input;

public class EmailAddressTests
{
    [Theory]
    [InlineData("spd-fraktion@example.org")]
    [InlineData("erika.mustermann+antrag@example.org")]
    [InlineData("o'brien@mail.example.org")]
    [InlineData("jürgen@müller.example")]
    public void IsValid_PlainAddress_True(string address) => Assert.True(EmailAddress.IsValid(address));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a.@example.org")]
    [InlineData(".a@example.org")]
    [InlineData("a..b@example.org")]
    [InlineData("a@-example.org")]
    [InlineData("a@example..org")]
    [InlineData("a@example.org\n")]
    [InlineData("\"quoted\"@example.org")]
    public void IsValid_MalformedAddress_False(string? address) => Assert.False(EmailAddress.IsValid(address));

    [Fact]
    public void IsValid_LongerThan254_False() =>
        Assert.False(EmailAddress.IsValid("a@" + string.Join(".", Enumerable.Repeat(new string('d', 60), 5)) + ".org"));

    [Fact]
    public void IsValid_LocalPartLongerThan64_False() => Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.org"));
}
