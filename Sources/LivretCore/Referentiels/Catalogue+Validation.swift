/// The outcome of checking référentiel files someone is editing (`livret referentiel valider`).
public struct RapportValidation: Sendable, Equatable {
    public struct Resultat: Sendable, Equatable {
        public var fichier: String
        /// What the file holds, when it could be read ("variante de aptic : 22 ajouts…").
        public var resume: String?
        public var erreurs: [ErreurReferentiel]
    }

    /// One entry per file checked, in the order given.
    public var resultats: [Resultat]
    /// Problems the files cause in other référentiels (a base that breaks the crosswalk…).
    public var autresErreurs: [ErreurReferentiel]

    public var valide: Bool { resultats.allSatisfy(\.erreurs.isEmpty) && autresErreurs.isEmpty }

    /// The report as printed by the CLI: one line per valid file, every error of the others.
    public var texte: String {
        var lignes: [String] = []
        for resultat in resultats {
            if resultat.erreurs.isEmpty {
                lignes.append("✓ \(resultat.fichier) : valide — \(resultat.resume ?? "")")
            } else {
                let nombre = resultat.erreurs.count == 1 ? "1 erreur" : "\(resultat.erreurs.count) erreurs"
                lignes.append("✗ \(resultat.fichier) : \(nombre)")
                lignes += resultat.erreurs.map { "  \($0.chemin) : \($0.message) \($0.conseil)" }
            }
        }
        if !autresErreurs.isEmpty {
            lignes.append("✗ conséquences sur les autres référentiels :")
            lignes += autresErreurs.map { "  \($0.fichier), \($0.chemin) : \($0.message) \($0.conseil)" }
        }
        return lignes.joined(separator: "\n")
    }
}

extension Catalogue {
    /// Checks `fichiers` alone, then against each other and the `references` (the embedded
    /// référentiels): a file with the same code as a reference replaces it for the check.
    /// Every problem is reported, even when a file also has errors of its own.
    public static func valider(_ fichiers: [Fichier], avec references: [Fichier]) -> RapportValidation {
        var resultats: [RapportValidation.Resultat] = []
        var documents: [DocumentReferentiel] = []
        for fichier in fichiers {
            let (document, erreurs) = DocumentReferentiel.lire(fichier: fichier.nom, donnees: fichier.donnees)
            resultats.append(.init(fichier: fichier.nom, resume: document.map(resume), erreurs: erreurs))
            if let document { documents.append(document) }
        }
        let codesDonnes = Set(documents.map(\.entete.code))
        let autresDocuments = references.compactMap { reference -> DocumentReferentiel? in
            let (document, erreurs) = DocumentReferentiel.lire(fichier: reference.nom, donnees: reference.donnees)
            guard let document, erreurs.isEmpty, !codesDonnes.contains(document.entete.code) else { return nil }
            return document
        }
        let tous = documents + autresDocuments
        let aptic = tous.lazy.compactMap { if case .aptic(let r) = $0 { r } else { nil } }.first
        let pix = tous.lazy.compactMap { if case .pix(let p) = $0 { p } else { nil } }.first
        var croisees: [ErreurReferentiel] = []
        if let aptic, let pix {
            for document in tous {
                switch document {
                case .variante(let variante):
                    do { _ = try variante.appliquer(a: aptic) } catch { croisees += error.erreurs }
                case .correspondances(let table): croisees += table.verifier(aptic: aptic, pix: pix)
                case .thematiques(let table): croisees += table.verifier(aptic: aptic)
                case .parcours(let modele): croisees += modele.verifier(aptic: aptic, pix: pix)
                case .aptic, .pix: break
                }
            }
        }
        var autres: [ErreurReferentiel] = []
        for erreur in croisees {
            if let indice = resultats.firstIndex(where: { $0.fichier == erreur.fichier }) {
                if !resultats[indice].erreurs.contains(erreur) { resultats[indice].erreurs.append(erreur) }
            } else if !autres.contains(erreur) {
                autres.append(erreur)
            }
        }
        for indice in resultats.indices where !resultats[indice].erreurs.isEmpty {
            resultats[indice].resume = nil
        }
        return RapportValidation(resultats: resultats, autresErreurs: autres)
    }
    static func resume(_ document: DocumentReferentiel) -> String {
        switch document {
        case .aptic(let r):
            "nomenclature APTIC \(r.entete.version) : \(r.niveaux.count) niveaux, \(r.sousThemes.count) sous-thèmes, \(r.items.count) items"
        case .variante(let v):
            "variante de « \(v.base) » : \(v.ajouts.count) ajouts, \(v.retraits.count) retraits, \(v.renommages.count) renommages"
        case .pix(let p):
            "référentiel Pix \(p.entete.version) : \(p.domaines.count) domaines, \(p.competences.count) compétences"
        case .correspondances(let c):
            "correspondances \(c.de) → \(c.vers) : \(c.liens.count) liens, \(c.sansCorrespondance.count) items sans correspondance"
        case .thematiques(let t):
            "thématiques APTIC → La Coop, data·inclusion : \(t.liens.count) liens, \(t.sansCorrespondance.count) sous-thèmes sans correspondance"
        case .parcours(let m):
            "parcours « \(m.entete.titre) » : \(Format.heures(m.duree.heures)), \(m.etapes.count) étapes"
        }
    }
}
