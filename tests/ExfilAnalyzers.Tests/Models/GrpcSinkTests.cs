using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>
/// gRPC is a raw network channel. The client class Grpc.Tools generates is part of the compilation and
/// hands each request to its <c>CallInvoker</c>, so the finding is where the user passes the request,
/// as for any helper of their own that sends its parameter. The client is written here the way the
/// generator writes it, against the real Grpc.Core.Api and Grpc.Net.Client packages.
/// </summary>
public class GrpcSinkTests
{
    private const string Client = """
        using System;
        using System.Threading.Tasks;
        using Grpc.Core;
        using Grpc.Net.Client;
        using Microsoft.CodeAnalysis;
        using Metadata = Grpc.Core.Metadata;

        public sealed class ReportRequest
        {
            public string Symbol { get; set; } = "";
            public int Count { get; set; }
        }

        public sealed class ReportReply { }

        public static class ReportService
        {
            static readonly Marshaller<ReportRequest> Requests = Marshallers.Create(r => Array.Empty<byte>(), b => new ReportRequest());
            static readonly Marshaller<ReportReply> Replies = Marshallers.Create(r => Array.Empty<byte>(), b => new ReportReply());
            static readonly Method<ReportRequest, ReportReply> SendMethod = new(MethodType.Unary, "contoso.Report", "Send", Requests, Replies);
            static readonly Method<ReportRequest, ReportReply> UploadMethod = new(MethodType.ClientStreaming, "contoso.Report", "Upload", Requests, Replies);

            public class ReportClient : ClientBase<ReportClient>
            {
                public ReportClient(ChannelBase channel) : base(channel) { }
                protected ReportClient(ClientBaseConfiguration configuration) : base(configuration) { }
                protected override ReportClient NewInstance(ClientBaseConfiguration configuration) => new(configuration);

                public virtual AsyncUnaryCall<ReportReply> SendAsync(ReportRequest request, CallOptions options = default) =>
                    CallInvoker.AsyncUnaryCall(SendMethod, null, options, request);

                public virtual ReportReply Send(ReportRequest request, Metadata headers = null) =>
                    CallInvoker.BlockingUnaryCall(SendMethod, null, new CallOptions(headers), request);

                public virtual AsyncClientStreamingCall<ReportRequest, ReportReply> Upload(CallOptions options = default) =>
                    CallInvoker.AsyncClientStreamingCall(UploadMethod, null, options);
            }
        }

        """;

    [Fact]
    public Task Requests_headers_and_streamed_messages_are_sent()
    {
        return VerifyAsync(Client + """
            class Agent
            {
                async Task Report(ISymbol symbol, Document document)
                {
                    using var channel = GrpcChannel.ForAddress("https://assist.example.net");
                    var client = new ReportService.ReportClient(channel);
                    await client.SendAsync({|EXF1002:{|EXF1006:new ReportRequest { Symbol = symbol.Name }|}|});
                    client.Send(new ReportRequest(), {|EXF1003:{|EXF1006:new Metadata { { "x-file", document.FilePath } }|}|});
                    using var upload = client.Upload();
                    await upload.RequestStream.WriteAsync({|EXF1002:{|EXF1006:new ReportRequest { Symbol = symbol.ToDisplayString() }|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Counts_and_constants_are_not_data()
    {
        return VerifyAsync(Client + """
            class Agent
            {
                async Task Report(ISymbol symbol)
                {
                    using var channel = GrpcChannel.ForAddress("https://assist.example.net");
                    var client = new ReportService.ReportClient(channel);
                    await client.SendAsync(new ReportRequest { Symbol = "rename", Count = symbol.Name.Length });
                    client.Send(new ReportRequest { Count = 1 }, new Metadata { { "x-kind", symbol.Kind.ToString() } });
                }
            }
            """);
    }
}
