/// The space's one style sheet (served as /style.css: no inline style, so the page's content
/// security policy can forbid them). Large text, strong contrast, big targets, one column that
/// fits a phone (390 px) as well as the cybercafé's screen.
enum Style {
    static let css = """
    :root { --encre: #1b1b1b; --fond: #ffffff; --accent: #0b4f9c; --accent-fond: #e8f0fb; --ok: #116329; --doux: #4a4a4a;
            --bord: #6b6b6b; --alerte: #8a1c1c; --alerte-fond: #fdecec; }
    * { box-sizing: border-box; }
    html { font-size: 112.5%; }
    body { margin: 0; font-family: "Liberation Sans", Arial, Helvetica, sans-serif; line-height: 1.55; color: var(--encre); background: var(--fond); }
    a { color: var(--accent); text-underline-offset: 0.2em; }
    a:focus, button:focus, input:focus, textarea:focus, summary:focus { outline: 3px solid #c25e00; outline-offset: 2px; }
    .evitement { position: absolute; left: -999em; }
    .evitement:focus { position: static; display: block; padding: 0.5rem 1rem; background: var(--accent-fond); }
    header.bandeau { background: var(--accent); color: #fff; padding: 0.75rem 1rem; }
    header.bandeau p { margin: 0; font-size: 1.05rem; }
    header.bandeau strong { font-size: 1.25rem; }
    main { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; display: flex; gap: 0.5rem; align-items: center; }
    h2 { font-size: 1.35rem; margin: 1.75rem 0 0.5rem; display: flex; gap: 0.5rem; align-items: center; }
    p { margin: 0.4rem 0; }
    p.salut { font-size: 1.4rem; font-weight: bold; }
    .picto { width: 1.6em; height: 1.6em; flex: none; vertical-align: middle; }
    nav.menu ul { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.6rem; }
    nav.menu a { display: flex; gap: 0.6rem; align-items: center; padding: 0.8rem 1rem; min-height: 3.25rem; border: 2px solid var(--accent);
                 border-radius: 0.6rem; text-decoration: none; font-weight: bold; background: var(--accent-fond); }
    nav.menu a[aria-current="page"] { background: var(--accent); color: #fff; }
    nav.retour { margin: 0.5rem 0 0; }
    ul.liste { list-style: none; padding: 0; margin: 0.25rem 0 1rem; }
    ul.liste li { display: flex; gap: 0.6rem; align-items: flex-start; padding: 0.5rem 0; border-bottom: 1px solid #d0d0d0; }
    ul.liste li .picto { margin-top: 0.1em; }
    .acquis { color: var(--ok); }
    .encours { color: var(--accent); }
    .comment { display: block; color: var(--doux); }
    .carte { border: 2px solid #c9c9c9; border-radius: 0.6rem; padding: 0.75rem 1rem; margin: 0.75rem 0; }
    .barre { height: 1.1rem; background: #e3e3e3; border-radius: 0.5rem; overflow: hidden; border: 1px solid var(--bord); }
    .barre span { display: block; height: 100%; background: var(--ok); }
    """ + Style.largeurs.map { ".l\($0) { width: \($0)%; }" }.joined(separator: " ") + """

    form { margin: 0.5rem 0 1.5rem; }
    fieldset { border: 2px solid #c9c9c9; border-radius: 0.6rem; margin: 1rem 0; padding: 0.5rem 1rem 1rem; }
    legend { float: left; width: 100%; font-weight: bold; font-size: 1.1rem; padding: 0; margin: 0.25rem 0 0.4rem; }
    legend + * { clear: both; }
    label { display: flex; gap: 0.6rem; align-items: center; padding: 0.35rem 0; min-height: 2.75rem; cursor: pointer; }
    label.bloc { display: block; font-weight: bold; }
    input[type=radio], input[type=checkbox] { width: 1.5rem; height: 1.5rem; flex: none; }
    input[type=text], textarea { width: 100%; font-size: 1.3rem; padding: 0.6rem; border: 2px solid var(--bord); border-radius: 0.4rem; }
    input.code { font-size: 2rem; letter-spacing: 0.3em; max-width: 14rem; font-family: "Liberation Mono", monospace; }
    textarea { min-height: 6rem; font-size: 1.1rem; }
    button, a.bouton { display: inline-flex; gap: 0.5rem; align-items: center; font: inherit; font-weight: bold; font-size: 1.1rem;
                       padding: 0.75rem 1.25rem; min-height: 3.25rem; border-radius: 0.6rem; border: 2px solid var(--accent);
                       background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; margin: 0.3rem 0.3rem 0.3rem 0; }
    button.second, a.bouton.second { background: #fff; color: var(--accent); }
    button.danger { background: var(--alerte); border-color: var(--alerte); }
    .message { border-left: 6px solid var(--ok); background: #eaf6ec; padding: 0.75rem 1rem; margin: 1rem 0; }
    .erreur { border-left: 6px solid var(--alerte); background: var(--alerte-fond); padding: 0.75rem 1rem; margin: 1rem 0; }
    .aide { color: var(--doux); }
    .qr svg { width: 16rem; height: 16rem; max-width: 100%; }
    footer { max-width: 46rem; margin: 0 auto; padding: 1rem; border-top: 1px solid #d0d0d0; }
    @media (max-width: 30rem) { html { font-size: 106%; } h1 { font-size: 1.5rem; } nav.menu ul { grid-template-columns: 1fr; } }
    @media print { header.bandeau, nav, footer, form { display: none; } }
    """

    /// The widths a progress bar may take, by steps of 5 % (no inline style).
    static let largeurs = stride(from: 0, through: 100, by: 5).map { $0 }

    /// The class of a bar filled at `part` (0 to 1).
    static func classeBarre(_ part: Double) -> String {
        let p = Int((max(0, min(1, part)) * 20).rounded()) * 5
        return "l\(p)"
    }
}
