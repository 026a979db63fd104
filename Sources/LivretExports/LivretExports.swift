/// What Livret writes for people to read or take away: the learner's CV numérique
/// (self-contained HTML, JSON Resume) and, later, reports for programme leads.
///
/// ```swift
/// let cv = ConstructionCV.construire(dossier: dossier, badges: badges, structure: "…", catalogue: catalogue,
///                                    choix: .parDefaut, aujourdhui: jour)
/// let page = CVHTML.rendre(cv, liensPaquet: false)
/// let json = try CVJSONResume.rendre(cv)
/// ```
public enum LivretExports {}
