using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>The framework types the engine itself reasons about, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    /// <summary>The types resolved by name (the others in <see cref="All"/> are special types), in the order the constructor reads them.</summary>
    public static readonly ImmutableArray<string> MetadataNames = ImmutableArray.Create(
        "System.Text.StringBuilder", "System.IO.Stream", "System.IO.TextWriter", "System.IO.BinaryWriter",
        "System.Net.Http.Headers.HttpHeaders", "System.Text.Json.Utf8JsonWriter", "System.Diagnostics.ProcessStartInfo",
        "System.Net.Http.HttpRequestMessage", "System.Uri", "System.Exception", "System.IAsyncDisposable",
        "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask");

    public WellKnownTypes(Compilation compilation)
    {
        IEnumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
        var resolved = MetadataNames.Select(name => Resolve(compilation, name)).ToArray();
        StringBuilder = resolved[0];
        Stream = resolved[1];
        TextWriter = resolved[2];
        BinaryWriter = resolved[3];
        HttpHeaders = resolved[4];
        Utf8JsonWriter = resolved[5];
        ProcessStartInfo = resolved[6];
        HttpRequestMessage = resolved[7];
        Uri = resolved[8];
        Exception = resolved[9];
        IAsyncDisposable = resolved[10];
        Task = resolved[11];
        ValueTask = resolved[12];
        IDisposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        ObjectToString = compilation.GetSpecialType(SpecialType.System_Object).GetMembers(nameof(ToString)).FirstOrDefault();
    }

    /// <summary>Every type this holds, special types included.</summary>
    public IEnumerable<INamedTypeSymbol?> All =>
        new[] { IEnumerable, StringBuilder, Stream, TextWriter, BinaryWriter, HttpHeaders, Utf8JsonWriter, ProcessStartInfo, HttpRequestMessage, Uri, Exception, IAsyncDisposable, IDisposable, Task, ValueTask };

    /// <summary>object.ToString: what formatting an object calls.</summary>
    public ISymbol? ObjectToString { get; }

    public INamedTypeSymbol IEnumerable { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? Stream { get; }

    public INamedTypeSymbol? TextWriter { get; }

    public INamedTypeSymbol? BinaryWriter { get; }

    public INamedTypeSymbol? HttpHeaders { get; }

    public INamedTypeSymbol? Utf8JsonWriter { get; }

    public INamedTypeSymbol? ProcessStartInfo { get; }

    public INamedTypeSymbol? HttpRequestMessage { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? Exception { get; }

    /// <summary>What a using statement disposes through (the control-flow graph calls its Dispose).</summary>
    public INamedTypeSymbol IDisposable { get; }

    /// <summary>What an await using disposes through.</summary>
    public INamedTypeSymbol? IAsyncDisposable { get; }

    /// <summary>What an async callback returns when it returns nothing else (with <see cref="ValueTask"/>).</summary>
    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? ValueTask { get; }

    /// <summary>The one place that resolves types by name; everything else asks this class or the catalog.</summary>
    public static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // Resolved once per compilation, here only.
        return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="candidate"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A type that holds what is put into it: collections, builders, streams and writers.</summary>
    public bool IsContainer(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(iface, IEnumerable))
            {
                return true;
            }
        }

        return IsWriter(type) || DerivesFrom(type, StringBuilder);
    }

    /// <summary>A type that data is written into: streams, text and binary writers, JSON writers.</summary>
    public bool IsWriter(ITypeSymbol? type) =>
        DerivesFrom(type, Stream) || DerivesFrom(type, TextWriter) || DerivesFrom(type, BinaryWriter) || DerivesFrom(type, Utf8JsonWriter);
}
