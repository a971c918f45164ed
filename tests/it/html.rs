//! The HTML report: a snapshot of the fixtures' page, its structure (one row per field, one
//! column per readable document, verdicts per cell), hostile input shown as inert text, and the
//! page in a real browser (headless Chromium, when installed) through `scripts/browser-test.sh`.

use std::path::Path;
use std::process::Command;

fn html_of(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--format", "html"]);
    let out = crate::run(&all);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "reconcile failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the page is UTF-8")
}

/// The `(data-doc, data-verdict)` pairs of the matrix row of `field`, in column order.
fn row_cells(html: &str, field: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("data-field=\"{field}\""))
        .unwrap_or_else(|| panic!("no matrix row for {field}"));
    let row = &html[start..start + html[start..].find("</tr>").expect("the row ends")];
    row.split("<td ")
        .skip(1)
        .map(|cell| {
            let attr = |name: &str| {
                let at = cell.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                cell[at..at + cell[at..].find('"').expect("closing quote")].to_owned()
            };
            (attr("data-doc"), attr("data-verdict"))
        })
        .collect()
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn html_report_of_the_fixtures() {
    insta::assert_snapshot!("html_report", html_of(&["fixtures"]));
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn the_matrix_has_a_row_per_field_and_a_column_per_document() {
    let html = html_of(&["fixtures"]);
    let (report, _) = crate::json_report(Path::new("fixtures"));
    let fields: Vec<&str> = report["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    let docs: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(html.matches("<tr class=\"row-conflict\"").count(), 3);
    for field in &fields {
        let cells = row_cells(&html, field);
        let ids: Vec<&str> = cells.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(ids, docs, "columns of {field}, grouped by event E1 then E2");
    }
    assert_eq!(html.matches(" data-field=\"").count(), fields.len() + 4);
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn member_count_cells_show_the_conflict_across_events() {
    let html = html_of(&["fixtures"]);
    let verdicts: Vec<(String, String)> = row_cells(&html, "member_count")
        .into_iter()
        .map(|(doc, v)| (doc[..3].to_owned(), v))
        .collect();
    let expected = [
        ("000", "conflict-across"),
        ("001", "conflict-across"),
        ("002", "conflict-across"),
        ("003", "silent"),
        ("004", "conflict-across"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(d, v)| ((*d).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(verdicts, expected);
    let hosts = row_cells(&html, "host_city");
    assert!(hosts.iter().all(|(_, v)| v == "agree"), "{hosts:?}");
    let chairs = row_cells(&html, "co_chairs");
    assert_eq!(chairs[1].1, "silent");
    assert_eq!(chairs[0].1, "compatible");
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn every_cell_links_to_an_anchor_that_exists() {
    let html = html_of(&["fixtures"]);
    let mut links = 0;
    for part in html.split("href=\"#").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        links += 1;
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "link to #{target} has no target"
        );
    }
    assert!(links > 100, "only {links} links");
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn the_page_is_self_contained_and_the_same_every_time() {
    let a = html_of(&["fixtures"]);
    let b = html_of(&["fixtures"]);
    assert_eq!(a, b);
    assert!(a.starts_with("<!DOCTYPE html>"));
    assert!(a.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
    for external in [
        "<script", "<link", "<img", "src=", "http://", "https://", "@import", "url(",
    ] {
        assert!(!a.contains(external), "the page contains {external}");
    }
    assert!(a.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(a.contains("<code dir=\"ltr\">fixtures/000_78b0ee22b5934dd2.txt</code>"));
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn hostile_articles_and_names_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("x<i>\"y'.txt");
    std::fs::write(
        &name,
        "<script>document.title='pwned'</script>\n\
         استضافت الرياض اجتماع التحالف يوم الاثنين \u{202E}</textarea><img src=x onerror=alert(1)> \"نعم\" & 'لا'.\n",
    )
    .unwrap();
    let html = html_of(&[dir.path().to_str().unwrap()]);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("<i>"));
    assert!(!html.contains("</textarea>"));
    assert!(html.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(html.contains("x&lt;i&gt;&quot;y'"));
    assert!(
        !html.contains('\u{202E}'),
        "a bidi override reached the page"
    );
    assert!(html.contains("&lt;U+202E&gt;"));
}

#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn skipped_and_failed_inputs_are_listed_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::root().join("fixtures/000_78b0ee22b5934dd2.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01binary").unwrap();
    std::fs::write(dir.path().join("c.txt"), b"\xff\xfe\xfd not text \xc3").unwrap();
    let html = html_of(&[dir.path().to_str().unwrap()]);
    let section = &html[html.find("id=\"inputs\"").unwrap()..];
    assert!(section.contains("data-status=\"skipped\""), "{section}");
    assert!(section.contains("binary"));
    assert!(section.contains("b.txt"));
}

/// The page in headless Chromium: no console message, the matrix's shape, the member-count
/// verdicts, a hostile article's script not run, and a screenshot. Skipped (and said so) where
/// Chromium is not installed; `.ci/run` installs it with `scripts/browser-test.sh --install`.
#[test]
#[ignore = "the version 1 page; the version 2 page is being rebuilt"]
fn the_page_in_a_real_browser() {
    let installed = ["chromium", "chromium-browser"].iter().any(|name| {
        Command::new("sh")
            .args(["-c", &format!("command -v {name}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !installed {
        println!("skipped: chromium not installed (scripts/browser-test.sh --install as root)");
        return;
    }
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    let out = Command::new("bash")
        .arg(crate::root().join("scripts/browser-test.sh"))
        .current_dir(crate::root())
        .env("RECONCILE_BIN", env!("CARGO_BIN_EXE_reconcile"))
        .env("SCREENSHOT", &shot)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("browser-test: passed"), "{stdout}");
    assert!(shot.metadata().is_ok_and(|m| m.len() > 10_000));
}
