using System.Text.Json;
using Ratsworkflow.Functions.FunctionsHost;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>The request bodies the Functions host may send: values encoded once more as JSON strings, or not.</summary>
public sealed class TriggerInvocationTests
{
    private const string Message = """{"id":"a1b2","executionId":"e","taskId":3,"name":"Notify","input":null}""";

    [Fact]
    public void QueueMessage_AsTheHostSendsIt_JsonStringOfTheJsonString()
    {
        // Data.message = JsonConvert.SerializeObject(text), then the body is serialized: a string inside a string.
        var body = JsonSerializer.Serialize(new { Data = new { message = JsonSerializer.Serialize(Message) }, Metadata = new { DequeueCount = "3", Id = "\"7f0c\"" } });

        var invocation = TriggerInvocation.Parse(body);

        Assert.Equal(Message, invocation.QueueMessage("message"));
        Assert.Equal(3, invocation.DequeueCount);
        Assert.Equal("7f0c", invocation.MessageId);
    }

    [Fact]
    public void QueueMessage_PlainStringAndNumbers_ReadAsTheyAre()
    {
        var body = JsonSerializer.Serialize(new { Data = new { message = Message }, Metadata = new { DequeueCount = 2, Id = "7f0c" } });

        var invocation = TriggerInvocation.Parse(body);

        Assert.Equal(Message, invocation.QueueMessage("message"));
        Assert.Equal(2, invocation.DequeueCount);
        Assert.Equal("7f0c", invocation.MessageId);
    }

    [Fact]
    public void QueueMessage_AsJsonObject_IsItsText()
    {
        var body = """{"data":{"message":""" + Message + """},"metadata":{"dequeueCount":"\"5\""}}""";

        var invocation = TriggerInvocation.Parse(body);

        Assert.Equal(Message, invocation.QueueMessage("message"));
        Assert.Equal(5, invocation.DequeueCount);
    }

    [Fact]
    public void QueueMessage_OtherBindingName_TheOnlyEntryOfData()
    {
        var invocation = TriggerInvocation.Parse(JsonSerializer.Serialize(new { Data = new { queueItem = JsonSerializer.Serialize(Message) } }));

        Assert.Equal(Message, invocation.QueueMessage("message"));
        Assert.Null(invocation.DequeueCount);
        Assert.Null(invocation.MessageId);
    }

    [Fact]
    public void QueueMessage_NotJson_PassedOnForTheEngineToPoison()
    {
        var invocation = TriggerInvocation.Parse(JsonSerializer.Serialize(new { Data = new { message = JsonSerializer.Serialize("<kein json>") } }));

        Assert.Equal("<kein json>", invocation.QueueMessage("message"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Data":{"a":"1","b":"2"}}""")]
    [InlineData("""{"Data":{"message":42}}""")]
    public void QueueMessage_Missing_Throws(string body) =>
        Assert.ThrowsAny<JsonException>(() => TriggerInvocation.Parse(body).QueueMessage("message"));

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("kein json")]
    public void Parse_NotAnObject_Throws(string body) => Assert.ThrowsAny<JsonException>(() => TriggerInvocation.Parse(body));

    [Theory]
    [InlineData("""{"Data":{"timer":{"IsPastDue":true}}}""", true)]
    [InlineData("""{"Data":{"timer":{"IsPastDue":false}}}""", false)]
    [InlineData("""{"Data":{"timer":"{\"IsPastDue\":true}"}}""", true)]
    [InlineData("""{"Data":{}}""", false)]
    [InlineData("", false)]
    public void IsPastDue_TimerInfo_ObjectOrString(string body, bool expected) =>
        Assert.Equal(expected, TriggerInvocation.Parse(body).IsPastDue("timer"));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("\"\\\"abc\\\"\"", "abc")]
    [InlineData("\"not \" json\"", "\"not \" json\"")]
    public void Unquote_DecodesJsonStringLiteralsOnly(string text, string expected) => Assert.Equal(expected, TriggerInvocation.Unquote(text));
}
