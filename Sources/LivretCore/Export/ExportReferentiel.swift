import Foundation

/// The stable JSON view of a référentiel, as `livret referentiel exporter` writes it:
/// every node has `code` and `titre`, children nested under their parent, keys sorted.
public enum ExportReferentiel {
    public struct Aptic: Encodable, Sendable {
        public var referentiel = "aptic"
        public var version: String
        public var titre: String
        public var variantes: [String]
        public var niveaux: [Niveau]
        public var changements: [ChangementReferentiel]
    }

    public struct Niveau: Encodable, Sendable {
        public var code: String
        public var titre: String
        public var provenance: Provenance
        public var historique: [AncienTitre]?
        public var sousThemes: [SousTheme]
    }

    public struct SousTheme: Encodable, Sendable {
        public var code: String
        public var titre: String
        public var provenance: Provenance
        public var historique: [AncienTitre]?
        public var items: [Item]
    }

    public struct Item: Encodable, Sendable {
        public var code: String
        public var titre: String
        public var statut: String
        public var motifRetrait: String?
        public var origine: String
        public var historique: [AncienTitre]?
        /// Where a variant moved the item from (nil when it never moved).
        public var anciennesPlaces: [AnciennePlace]?
        public var libelleFacile: String?
        public var motsCles: [String]?
        public var competencesPix: [String]
    }

    public struct Pix: Encodable, Sendable {
        public var referentiel = "pix"
        public var version: String
        public var titre: String
        public var niveaux: ReferentielPix.ReglesNiveaux
        public var certifiabilite: ReferentielPix.Certifiabilite
        public var certification: ReferentielPix.Certification
        public var domaines: [Domaine]
    }

    public struct Domaine: Encodable, Sendable {
        public var code: String
        public var titre: String
        public var couleur: String
        public var competences: [Competence]
    }

    public struct Competence: Encodable, Sendable {
        public var code: String
        public var titre: String
        public var description: String
        public var thematiques: [String]
        public var itemsAptic: [String]
    }

    /// The APTIC view, with each item's Pix links.
    public static func aptic(_ referentiel: ReferentielAptic, changements: [ChangementReferentiel], correspondances: TableCorrespondances) -> Aptic {
        let historique = { (h: [AncienTitre]) in h.isEmpty ? nil : h }
        return Aptic(
            version: referentiel.entete.version, titre: referentiel.entete.titre, variantes: referentiel.variantes,
            niveaux: referentiel.niveaux.map { niveau in
                Niveau(code: niveau.code, titre: niveau.titre, provenance: niveau.provenance, historique: historique(niveau.historique),
                       sousThemes: niveau.sousThemes.map { sousTheme in
                    SousTheme(code: sousTheme.code, titre: sousTheme.titre, provenance: sousTheme.provenance,
                              historique: historique(sousTheme.historique),
                              items: sousTheme.items.map { item in
                        var motif: String?
                        if case .retire(let m, _) = item.statut { motif = m }
                        return Item(code: item.code, titre: item.titre, statut: item.estRetire ? "retiré" : "actif",
                                    motifRetrait: motif, origine: item.origine, historique: historique(item.historique),
                                    anciennesPlaces: item.anciennesPlaces.isEmpty ? nil : item.anciennesPlaces,
                                    libelleFacile: item.libelleFacile, motsCles: item.motsCles.isEmpty ? nil : item.motsCles,
                                    competencesPix: correspondances.liens(pourItem: item.code).map(\.pix))
                    })
                })
            },
            changements: changements)
    }

    /// The Pix view, with each competence's APTIC items.
    public static func pix(_ pix: ReferentielPix, correspondances: TableCorrespondances) -> Pix {
        Pix(version: pix.entete.version, titre: pix.entete.titre, niveaux: pix.niveaux, certifiabilite: pix.certifiabilite,
            certification: pix.certification,
            domaines: pix.domaines.map { domaine in
                Domaine(code: domaine.code, titre: domaine.titre, couleur: domaine.couleur,
                        competences: domaine.competences.map { competence in
                    Competence(code: competence.code, titre: competence.titre, description: competence.description,
                               thematiques: competence.thematiques,
                               itemsAptic: correspondances.liens(pourCompetence: competence.code).map(\.aptic))
                })
            })
    }

    /// Encodes a value as stable, human-readable JSON (sorted keys, 2-space indent, final newline).
    public static func json(_ valeur: some Encodable) throws -> Data {
        let encodeur = JSONEncoder()
        encodeur.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var donnees = try encodeur.encode(valeur)
        donnees.append(0x0A)
        return donnees
    }
}
