using System;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>What each modelled behaviour does to a call, or to a property or field read.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private TaintValue ApplyCallModel(MemberModel model, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var location = call.Syntax.GetLocation();
        switch (model.Behaviour)
        {
            case ModelBehaviour.Source:
                return ProduceSource(model.Label, model.Api, call, arguments, resultType);
            case ModelBehaviour.SourceFromHandle when receiverValue.Handles.HasFlag(model.Handle):
                return ProduceSource(model.Label, model.Api, call, arguments, resultType);
            case ModelBehaviour.HandleSource:
                var carried = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
                return carried.WithHandles(carried.Handles | model.Handle);
            case ModelBehaviour.Environment:
                return EnvironmentVariable(model, call, arguments);
            case ModelBehaviour.FileRead:
                return ReadFile(model, method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.FileList:
                return ListFiles(model, method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.ProcessStart:
                return StartProcess(model, method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.Sanitizer:
                WriteOutArguments(arguments, TaintValue.Clean, call);
                return TaintValue.Clean;
            case ModelBehaviour.Hash when _options.HashIsRedaction:
            case ModelBehaviour.HashFromHandle when _options.HashIsRedaction && receiverValue.Handles.HasFlag(model.Handle):
                WriteOutArguments(arguments, TaintValue.Clean, call);
                return TaintValue.Clean;
            case ModelBehaviour.Obfuscate:
            case ModelBehaviour.ObfuscateFromHandle when receiverValue.Handles.HasFlag(model.Handle):
                return Obfuscate(model.Obfuscation, method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.Wrapper:
                return Wrap(model, method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.ContentTest:
                return ContentTest(call, receiverValue, arguments);
            case ModelBehaviour.EmptinessTest:
                return EmptinessTest(call, arguments);
            case ModelBehaviour.ContentProbe:
                var probed = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
                return Probe(call, receiverValue, arguments) is { } probe ? probed.WithCondition(probe) : probed;
            case ModelBehaviour.Clean:
                return TaintValue.Clean;
            case ModelBehaviour.EndpointCarrier:
                return DefaultCall(method, call, receiver, receiverValue, arguments, resultType).WithEndpoint(CarriedEndpoint(arguments));
            case ModelBehaviour.Decode:
                return Decode(method, call, receiver, receiverValue, arguments, resultType);
            case ModelBehaviour.Gate:
                return TaintValue.FromCondition(ConditionFact.Gate(consentWhenTrue: true, location));
            case ModelBehaviour.Sink:
            case ModelBehaviour.SinkOnHandle when receiverValue.Handles.HasFlag(model.Handle) && model.SinkKind.IsRawChannel():
                // A raw channel sends what its receiver holds (headers, a request); a telemetry client's own
                // state is reported where it is written (GlobalProperties), not again at every event.
                var sent = model.SinkKind.IsRawChannel() ? receiverValue : TaintValue.Clean;
                RecordSink(call, model.Api, model.SinkKind, SinkCarriers(call, model.Behaviour == ModelBehaviour.Sink ? sent : TaintValue.Clean, arguments),
                    Destination(receiver, receiverValue, arguments, model.SinkKind));
                return TaintValue.Clean;
            default:
                return DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        }
    }

    /// <summary>A property or field read with a model; null when the model does not apply to reads.</summary>
    private TaintValue? ApplyReadModel(MemberModel model, IOperation reference, TaintValue receiverValue)
    {
        switch (model.Behaviour)
        {
            case ModelBehaviour.Source:
                return TaintValue.FromSource(model.Label, model.Api, reference.Syntax.GetLocation());
            case ModelBehaviour.SourceFromHandle when receiverValue.Handles.HasFlag(model.Handle):
                return TaintValue.FromSource(model.Label, model.Api, reference.Syntax.GetLocation());
            case ModelBehaviour.HandleSource:
                return receiverValue.Carried().WithHandles(receiverValue.Handles | model.Handle);
            case ModelBehaviour.Sanitizer:
            case ModelBehaviour.Clean:
                return TaintValue.Clean;
            case ModelBehaviour.Gate:
                return TaintValue.FromCondition(ConditionFact.Gate(consentWhenTrue: true, reference.Syntax.GetLocation()));
            default:
                return null;
        }
    }

    /// <summary>A source's value; a Try-method's source goes to its out arguments and its bool result says nothing.</summary>
    private TaintValue ProduceSource(TaintLabel label, string api, IOperation call, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var value = TaintValue.FromSource(label, api, call.Syntax.GetLocation());
        var hasOut = false;
        foreach (var argument in arguments)
        {
            if (argument.IsOut) hasOut = true;
        }

        if (hasOut)
        {
            WriteOutArguments(arguments, value, call);
        }

        return hasOut && !DataShape.CarriesData(resultType) ? TaintValue.Clean : value;
    }

    private TaintValue EnvironmentVariable(MemberModel model, IOperation call, ArgumentValue[] arguments)
    {
        if (arguments.Length == 0 || arguments[0].Argument?.Value.ConstantValue.Value is not string name)
        {
            return TaintValue.Clean;
        }

        var table = _context.Catalog.Table;
        if (table.RepositoryVariables.Contains(name))
        {
            return TaintValue.FromSource(TaintLabel.RepositoryMetadata, model.Api + "(\"" + name + "\")", call.Syntax.GetLocation());
        }

        if (EndsWithAny(name, table.OptOutSuffixes))
        {
            return TaintValue.FromHandle(Handle.OptOutSetting);
        }

        return EndsWithAny(name, table.OptInSuffixes) ? TaintValue.FromHandle(Handle.OptInSetting) : TaintValue.Clean;
    }

    private static bool EndsWithAny(string name, System.Collections.Immutable.ImmutableHashSet<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <summary>
    /// Reading a file gives source text when its path is a workspace path or names a source file; the
    /// contents of other files are not the user's code. A path that is a parameter is left to callers.
    /// </summary>
    private TaintValue ReadFile(MemberModel model, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var pathIsArgument = PathIsArgument(arguments);
        if (!pathIsArgument && receiver is null)
        {
            return DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        }

        var path = PathOf(receiverValue, arguments);
        Throw(path);
        var constant = pathIsArgument ? arguments[0].Argument?.Value.ConstantValue.Value as string : null;
        if (path.RepositoryMetadata is not null || path.Handles.HasFlag(Handle.SourceFilePath) || HasSourceExtension(constant))
        {
            return TaintValue.FromSource(TaintLabel.SourceText, model.Api, call.Syntax.GetLocation());
        }

        return path.Parameters != 0 ? path.DataOnly() : TaintValue.Clean;
    }

    private TaintValue ListFiles(MemberModel model, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var listed = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        Throw(PathOf(receiverValue, arguments));
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == "searchPattern" && argument.Argument?.Value.ConstantValue.Value is string pattern && HasSourceExtension(pattern))
            {
                var paths = TaintValue.FromSource(TaintLabel.RepositoryMetadata, model.Api, call.Syntax.GetLocation());
                return listed.Join(paths).WithHandles(listed.Handles | Handle.SourceFilePath);
            }
        }

        return listed;
    }

    // File reads and listings throw their path: the framework's file exceptions name it (FileNotFoundException:
    // "Could not find file '/home/me/repo/src/Secret.cs'"), so a crash report of a failed read sends it.

    /// <summary>True when the file or folder is the first argument (File.ReadAllText(path)), not the receiver (FileInfo.OpenText()).</summary>
    private static bool PathIsArgument(ArgumentValue[] arguments) =>
        arguments.Length > 0 && arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String;

    /// <summary>The value of the file or folder a file call works on.</summary>
    private static TaintValue PathOf(TaintValue receiverValue, ArgumentValue[] arguments) =>
        PathIsArgument(arguments) ? arguments[0].Value : receiverValue;

    private bool HasSourceExtension(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var extension = FileNames.ExtensionOf(path!);
        return !string.IsNullOrEmpty(extension) && _context.Catalog.Table.SourceExtensions.Contains(extension);
    }

    /// <summary>
    /// git's output is repository metadata; a network tool (curl, PowerShell...) sends its arguments.
    /// The file name is read from a constant, a ProcessStartInfo built earlier, or the Process's handles.
    /// </summary>
    private TaintValue StartProcess(MemberModel model, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var fileName = arguments.Length > 0 && arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String
            ? arguments[0].Argument?.Value.ConstantValue.Value as string
            : null;
        var handle = ProcessHandle(fileName);
        var value = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        var handles = value.Handles | handle;
        if (method.Name == "Start" && (handles & Handle.NetworkProcess) != 0)
        {
            var skip = fileName is not null ? 1 : 0;
            RecordSink(call, model.Api, SinkKind.Process, SinkCarriers(call, receiverValue, arguments, skip), null);
        }

        return value.WithHandles(handles);
    }

    private Handle ProcessHandle(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return Handle.None;
        }

        var name = FileNames.NameOf(fileName!);
        var table = _context.Catalog.Table;
        return table.GitProcesses.Contains(name) ? Handle.GitProcess
            : table.NetworkProcesses.Contains(name) ? Handle.NetworkProcess
            : Handle.None;
    }

    private TaintValue Obfuscate(Obfuscation obfuscation, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var location = call.Syntax.GetLocation();
        var hidden = new ArgumentValue[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            hidden[i] = arguments[i] with { Value = arguments[i].Value.WithObfuscation(obfuscation, location) };
        }

        var value = DefaultCall(method, call, receiver, receiverValue.WithObfuscation(obfuscation, location), hidden, resultType);
        return value.WithObfuscation(obfuscation, location);
    }

    /// <summary>A writer over another object: what is written into it reaches its first argument, hidden as the model says.</summary>
    private TaintValue Wrap(MemberModel model, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var value = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        if (arguments.Length > 0 && arguments[0].Argument is { } inner && _context.Types.IsWriter(inner.Value.Type) && PlaceOf(inner.Value) is { } target)
        {
            return value.WithWritesInto(target, model.Obfuscation);
        }

        return value;
    }

    /// <summary>A Uri, a request or a client built from a destination keeps what is known of it.</summary>
    private static EndpointFact? CarriedEndpoint(ArgumentValue[] arguments)
    {
        if (arguments.Length == 0)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && IsDestinationParameter(parameter))
            {
                return argument.Value.Endpoint;
            }
        }

        var first = arguments[0].Value.Endpoint;
        if (first is null || arguments.Length < 2 || arguments[1].Parameter?.Type.SpecialType != SpecialType.System_String)
        {
            return first;
        }

        // new Uri(baseUri, "relative"): the host is the base's; the rest is not known as a whole.
        return new EndpointFact(first.KnownPrefix, isComplete: false, first.Decoded || arguments[1].Value.Endpoint?.Decoded == true);
    }

    /// <summary>
    /// Decoding (Base64, hex, URL escapes) or reordering (Reverse) keeps the data; a destination built
    /// this way from constants is marked decoded, with its text when it can be computed here.
    /// </summary>
    private TaintValue Decode(IMethodSymbol method, IOperation call, IOperation? receiver, TaintValue receiverValue,
        ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var value = DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
        var input = arguments.Length > 0 ? arguments[0] : default;
        var source = input.Argument is null ? receiverValue.Endpoint : input.Value.Endpoint ?? receiverValue.Endpoint;
        if (source is null)
        {
            return value;
        }

        var text = source.IsComplete ? ConstantDecoder.Apply(method.Name, source.KnownPrefix) : null;
        var decoded = new EndpointFact(text, isComplete: text is not null, decoded: true);
        if (method.ReturnsVoid && input.Argument is { } target && PlaceOf(target.Value) is { } place)
        {
            _state.ReplaceOwn(place, _state.Get(place).WithEndpoint(decoded));
        }

        return value.WithEndpoint(decoded);
    }

    /// <summary>string.IsNullOrEmpty(setting): an unset opt-out means consent, an unset opt-in means none. Not a content test.</summary>
    private static TaintValue EmptinessTest(IOperation call, ArgumentValue[] arguments)
    {
        var handles = arguments.Length > 0 ? arguments[0].Value.Handles : Handle.None;
        if (handles.HasFlag(Handle.OptOutSetting))
        {
            return TaintValue.FromCondition(ConditionFact.Gate(consentWhenTrue: true, call.Syntax.GetLocation()));
        }

        return handles.HasFlag(Handle.OptInSetting)
            ? TaintValue.FromCondition(ConditionFact.Gate(consentWhenTrue: false, call.Syntax.GetLocation()))
            : TaintValue.Clean;
    }
}
