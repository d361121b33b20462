namespace KPops.Log;

/// <summary>What a log served does not match what it signed: a bad signature, tile, entry or proof.</summary>
public sealed class LogVerificationException : Exception
{
    public LogVerificationException()
    {
    }

    public LogVerificationException(string message)
        : base(message)
    {
    }

    public LogVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
