using System;
using Microsoft.Build.Locator;

namespace ExfilAudit.Inputs;

/// <summary>
/// Points MSBuild loading at the installed .NET SDK, once per process, before any MSBuildWorkspace type is
/// touched; the tool ships no MSBuild of its own (MSBuildLocator's rule MSBL001).
/// </summary>
internal static class MsBuildRegistration
{
    private static readonly object Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered || !MSBuildLocator.CanRegister)
            {
                return;
            }

            try
            {
                MSBuildLocator.RegisterDefaults();
            }
            catch (InvalidOperationException e)
            {
                throw new AuditException($"no .NET SDK was found to read projects with ({e.Message}); install one, or audit a folder or a binary instead");
            }
        }
    }
}
