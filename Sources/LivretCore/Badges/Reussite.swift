/// An achievement a structure can recognise with a badge, derived from the référentiels — never hand-written.
public struct Reussite: Sendable, Equatable, Codable, Identifiable {
    public enum Famille: String, Sendable, Codable {
        /// An APTIC sous-thème mastered.
        case aptic
        /// A parcours completed.
        case parcours
        /// A Pix milestone.
        case pix
    }

    /// An alignment to a framework code (OB 3.0 `Alignment`).
    public struct Alignement: Sendable, Equatable, Codable {
        public var targetName: String
        public var targetCode: String
        public var targetFramework: String
        public var targetUrl: String
    }

    /// Stable code, e.g. "aptic-2.1", "parcours-femmes-et-numerique", "pix-3-competences".
    public var code: String
    public var famille: Famille
    /// Short name, in plain French.
    public var nom: String
    public var description: String
    /// What the learner had to show, in plain French.
    public var critere: String
    public var alignements: [Alignement]
    /// The badge image's main colour, "#RRGGBB".
    public var couleur: String
    /// The Pix domain of a Pix achievement whose competences all lie in one domain; nil when it
    /// spans several domains or none (the certification milestones).
    public var domainePix: Domaine? = nil

    /// A Pix domain as the référentiel names it: "3", "Création de contenu".
    public struct Domaine: Sendable, Equatable, Codable {
        public var code: String
        public var titre: String

        public init(code: String, titre: String) {
            self.code = code
            self.titre = titre
        }
    }

    public var id: String { code }
}

/// Every achievement the référentiels allow, in a stable order.
public enum CatalogueReussites {
    public static let cadreAptic = "#APTIC — nomenclature des services de médiation numérique"
    public static let urlAptic = "https://www.aptic.fr/"
    public static let cadrePix = "Pix — cadre de référence des compétences numériques (CRCN)"
    public static let urlPix = "https://pix.fr/competences"
    /// How many acquired items of a sous-thème make it mastered (fewer if it has fewer items).
    public static let itemsPourSousTheme = 3

    static let couleursNiveaux = ["0": "#35586B", "1": "#1A6B5C", "2": "#24508F", "3": "#6B2C7A"]

    public static func toutes(_ catalogue: Catalogue) -> [Reussite] {
        sousThemes(catalogue) + parcours(catalogue) + pix(catalogue)
    }

    public static func reussite(_ code: String, catalogue: Catalogue) -> Reussite? {
        toutes(catalogue).first { $0.code == code }
    }

    static func sousThemes(_ catalogue: Catalogue) -> [Reussite] {
        catalogue.aptic.niveaux.flatMap { niveau in
            niveau.sousThemes.filter { !$0.items.isEmpty }.map { sousTheme in
                let requis = min(itemsPourSousTheme, sousTheme.items.count)
                // A sous-thème a local variant created says so, in its framework and its description.
                let variante = sousTheme.provenance == .locale
                    ? catalogue.variantes.first { $0.entete.code == sousTheme.origine }?.entete.titre : nil
                let cadre = variante.map { "\(cadreAptic), variante locale « \($0) »" } ?? cadreAptic
                var alignements = [Reussite.Alignement(targetName: sousTheme.titre, targetCode: sousTheme.code,
                                                       targetFramework: cadre, targetUrl: urlAptic)]
                let competences = Dictionary(grouping: sousTheme.items.flatMap { catalogue.correspondances.liens(pourItem: $0.code) }, by: \.pix)
                    .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(3).map(\.key).sorted()
                for code in competences {
                    if let competence = catalogue.pix.competence(code) {
                        alignements.append(.init(targetName: competence.titre, targetCode: code, targetFramework: cadrePix, targetUrl: urlPix))
                    }
                }
                return Reussite(
                    code: "aptic-\(sousTheme.code)", famille: .aptic,
                    nom: sousTheme.libelleCourant,
                    description: variante.map { "Sous-thème \(sousTheme.code) « \(sousTheme.titre) », ajouté à la nomenclature #APTIC par « \($0) », niveau « \(niveau.titre) »." }
                        ?? "Référentiel #APTIC \(sousTheme.code) « \(sousTheme.titre) », niveau « \(niveau.titre) ».",
                    critere: "La personne a montré au moins \(requis) savoir-faire de ce thème, faits en autonomie devant l'équipe de formation ou certifiés.",
                    alignements: alignements, couleur: couleursNiveaux[niveau.code] ?? "#24508F")
            }
        }
    }

    static func parcours(_ catalogue: Catalogue) -> [Reussite] {
        catalogue.parcours.map { modele in
            let regle = modele.regleDeCompletion
            let alignements = modele.cibles.pix.compactMap { cible in
                catalogue.pix.competence(cible.competence).map {
                    Reussite.Alignement(targetName: $0.titre, targetCode: $0.code, targetFramework: cadrePix, targetUrl: urlPix)
                }
            }
            return Reussite(
                code: "parcours-\(modele.code)", famille: .parcours,
                nom: "Parcours « \(modele.entete.titre) » terminé",
                description: modele.finalite ?? modele.entete.description ?? modele.entete.titre,
                critere: "La personne a suivi le parcours « \(modele.entete.titre) » (\(Format.heures(modele.duree.heures)) prévues), l'équipe de formation l'a noté « terminé », "
                    + "et son critère d'achèvement est atteint : \(regle.libelle).",
                alignements: alignements, couleur: "#8A3B12")
        }
    }

    static func pix(_ catalogue: Catalogue) -> [Reussite] {
        let regle = catalogue.pix.certifiabilite
        let cadre = Reussite.Alignement(targetName: "Certification Pix", targetCode: "certification",
                                        targetFramework: cadrePix, targetUrl: urlPix)
        // Names say what was reached, not who reached it: the same words fit every learner.
        let jalons = [
            Reussite(code: "pix-certifiable", famille: .pix, nom: "Profil Pix prêt pour la certification",
                     description: "Un profil Pix assez complet pour passer la certification.",
                     critere: "Le profil Pix partagé par la personne a au moins \(regle.competencesMin) compétences au niveau \(regle.niveauMin) ou plus, "
                        + "et la personne n'a pas encore de certification Pix validée.",
                     alignements: [cadre], couleur: "#1A8C89"),
            Reussite(code: "pix-3-competences", famille: .pix, nom: "3 compétences numériques certifiées par Pix",
                     description: "Une certification Pix validée sur au moins trois compétences.",
                     critere: "La personne a obtenu la certification Pix, validée, avec au moins 3 compétences au niveau 1 ou plus.",
                     alignements: [cadre], couleur: "#3D68FF"),
        ]
        return jalons.map { jalon in
            var jalon = jalon
            jalon.domainePix = domainePix(jalon.alignements, catalogue: catalogue)
            return jalon
        }
    }

    /// The one Pix domain holding every Pix competence an achievement is aligned to ("3.2" is in
    /// domain 3), with the référentiel's title; nil when there is no such competence or they span
    /// several domains.
    public static func domainePix(_ alignements: [Reussite.Alignement], catalogue: Catalogue) -> Reussite.Domaine? {
        let domaines = Set(alignements.filter { $0.targetFramework == cadrePix }
            .compactMap { catalogue.pix.domaine(deCompetence: $0.targetCode)?.code })
        guard domaines.count == 1, let code = domaines.first, let domaine = catalogue.pix.domaine(code) else { return nil }
        return Reussite.Domaine(code: domaine.code, titre: domaine.titre)
    }
}

extension String {
    /// The same text with its first letter in lower case ("Utiliser" → "utiliser").
    func lowercasedFirst() -> String {
        guard let premier = first else { return self }
        return premier.lowercased() + dropFirst()
    }
}
