using System;

namespace ExfilAudit;

/// <summary>
/// A failure the user can act on: a bad path, a file that is not .NET, a failed restore. Its message is
/// the one line the tool prints (exit code 2); it never carries a stack trace to the console.
/// </summary>
internal sealed class AuditException : Exception
{
    public AuditException(string message)
        : base(message)
    {
    }

    public AuditException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
