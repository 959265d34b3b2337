namespace ExfilAudit.Reports;

/// <summary>The style and script inlined into the HTML report, so the page needs nothing else.</summary>
internal static class HtmlReportAssets
{
    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 70rem; }
        h1 { font-size: 1.4rem; margin-bottom: 0.2rem; }
        .input { color: #59636e; margin-top: 0; }
        .notes { color: #59636e; font-size: 0.9rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #d1d9e0; padding: 0.3rem 0.6rem; text-align: left; }
        td.count { text-align: right; }
        .finding { border: 1px solid #d1d9e0; border-left: 4px solid #bf8700; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
        .finding.error { border-left-color: #cf222e; }
        .finding h3 { font-size: 1rem; margin: 0.3rem 0; }
        .rule { font-family: ui-monospace, monospace; background: #eff2f5; padding: 0.1rem 0.3rem; border-radius: 4px; }
        .where { color: #59636e; font-size: 0.85rem; margin: 0.2rem 0 0.5rem; }
        .flow { padding-left: 1.5rem; }
        .step-head { font-size: 0.9rem; margin-top: 0.5rem; }
        .role { font-weight: 600; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.03em; }
        .step.source .role { color: #0969da; }
        .step.sink .role { color: #cf222e; }
        .step.trigger .role { color: #8250df; }
        pre.code { tab-size: 4; background: #f6f8fa; padding: 0.4rem 0; margin: 0.3rem 0; overflow-x: auto; font-size: 0.85rem; }
        pre.code .line { display: block; padding: 0 0.6rem; }
        pre.code .line.hit { background: #fff8c5; }
        pre.code .ln { display: inline-block; width: 3.5rem; color: #8c959f; user-select: none; }
        """;

    /// <summary>Filters findings by rule, and states on the page how many it shows.</summary>
    public const string Script = """
        (function () {
          var findings = Array.prototype.slice.call(document.querySelectorAll('section.finding'));
          var filter = document.getElementById('rule-filter');
          var shown = document.getElementById('shown-count');
          function update() {
            var rule = filter ? filter.value : '';
            var count = 0;
            findings.forEach(function (f) {
              var visible = !rule || f.getAttribute('data-rule') === rule;
              f.hidden = !visible;
              if (visible) { count++; }
            });
            if (shown) { shown.textContent = count + ' of ' + findings.length + ' shown'; }
            document.body.setAttribute('data-shown', String(count));
          }
          if (filter) { filter.addEventListener('change', update); }
          update();
        })();
        """;
}
