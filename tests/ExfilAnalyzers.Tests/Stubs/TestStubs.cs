// Compiled into test code, not into the test assembly: stand-ins with the real namespaces and
// signatures for telemetry and editor APIs that NuGet does not serve here.
namespace Segment.Analytics
{
    public class Analytics
    {
        public virtual void Track(string name, System.Collections.Generic.IDictionary<string, object> properties = null) { }
        public virtual void Identify(string userId, System.Collections.Generic.IDictionary<string, object> traits = null) { }
    }
}

namespace Mixpanel
{
    public interface IMixpanelClient
    {
        System.Threading.Tasks.Task<bool> TrackAsync(string @event, object distinctId, object properties);
    }

    public class MixpanelClient : IMixpanelClient
    {
        public MixpanelClient(string token) { }
        public System.Threading.Tasks.Task<bool> TrackAsync(string @event, object distinctId, object properties) => System.Threading.Tasks.Task.FromResult(true);
    }
}

namespace Microsoft.VisualStudio.Telemetry
{
    public class TelemetryEvent
    {
        public TelemetryEvent(string eventName) { }
        public System.Collections.Generic.IDictionary<string, object> Properties { get; } = new System.Collections.Generic.Dictionary<string, object>();
    }

    public class TelemetrySession
    {
        public void PostEvent(TelemetryEvent telemetryEvent) { }
        public void PostProperty(string propertyName, object propertyValue) { }
    }

    public static class TelemetryService
    {
        public static TelemetrySession DefaultSession { get; } = new TelemetrySession();
    }
}

namespace EnvDTE
{
    public interface TextSelection { string Text { get; } }
    public interface CodeElement { string Name { get; } string FullName { get; } }
    public interface Document { string FullName { get; } string Name { get; } string Path { get; } TextSelection Selection { get; } }
}

namespace Microsoft.VisualStudio.Text
{
    public interface ITextSnapshot { string GetText(); int Length { get; } }
    public interface ITextBuffer { ITextSnapshot CurrentSnapshot { get; } }
}

namespace Microsoft.VisualStudio.LanguageServer.Protocol
{
    public class TextDocumentItem { public System.Uri Uri { get; set; } public string Text { get; set; } public string LanguageId { get; set; } }
    public class DidOpenTextDocumentParams { public TextDocumentItem TextDocument { get; set; } }
}
