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
    /// Checks `fichiers` alone, then together with `references` (the embedded référentiels):
    /// a file with the same code as a reference replaces it for the check.
    public static func valider(_ fichiers: [Fichier], avec references: [Fichier]) -> RapportValidation {
        var resultats: [RapportValidation.Resultat] = []
        var codesRemplaces: [String: Fichier] = [:]
        for fichier in fichiers {
            let (document, erreurs) = DocumentReferentiel.lire(fichier: fichier.nom, donnees: fichier.donnees)
            resultats.append(.init(fichier: fichier.nom, resume: erreurs.isEmpty ? document.map(resume) : nil, erreurs: erreurs))
            if let document, erreurs.isEmpty { codesRemplaces[document.entete.code] = fichier }
        }
        var ensemble: [Fichier] = references.map { reference in
            let code = DocumentReferentiel.lire(fichier: reference.nom, donnees: reference.donnees).document?.entete.code
            return code.flatMap { codesRemplaces.removeValue(forKey: $0) } ?? reference
        }
        ensemble += fichiers.filter { fichier in codesRemplaces.values.contains { $0.nom == fichier.nom } }
        var autres: [ErreurReferentiel] = []
        let nomsVerifies = Set(fichiers.map(\.nom))
        do {
            _ = try charger(ensemble)
        } catch {
            for erreur in error.erreurs {
                if let indice = resultats.firstIndex(where: { $0.fichier == erreur.fichier }) {
                    if !resultats[indice].erreurs.contains(erreur) {
                        resultats[indice].erreurs.append(erreur)
                        resultats[indice].resume = nil
                    }
                } else if !nomsVerifies.contains(erreur.fichier) {
                    autres.append(erreur)
                }
            }
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
        case .parcours(let m):
            "parcours « \(m.entete.titre) » : \(Format.heures(m.duree.heures)), \(m.etapes.count) étapes"
        }
    }
}
