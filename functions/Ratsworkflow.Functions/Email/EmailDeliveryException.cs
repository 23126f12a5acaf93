namespace Ratsworkflow.Functions.Email;

/// <summary>The provider refused or failed to take a message. The activity that sent it may retry.</summary>
public sealed class EmailDeliveryException : Exception
{
    public EmailDeliveryException()
    {
    }

    public EmailDeliveryException(string message) : base(message)
    {
    }

    public EmailDeliveryException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
