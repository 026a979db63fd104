import LivretCore

/// Readable French views of the référentiels for the terminal.
enum AffichageReferentiel {
    struct LigneInventaire: Encodable {
        var code: String
        var type: String
        var version: String
        var titre: String
        var contenu: String
    }

    static func inventaire(_ catalogue: Catalogue) -> [LigneInventaire] {
        var lignes: [LigneInventaire] = []
        let aptic = catalogue.apticBase
        lignes.append(.init(code: aptic.entete.code, type: "aptic", version: aptic.entete.version, titre: aptic.entete.titre,
                            contenu: "\(Accord.nombre(aptic.niveaux.count, "niveau")), \(Accord.nombre(aptic.sousThemes.count, "sous-thème")), \(Accord.nombre(aptic.items.count, "item"))"))
        for variante in catalogue.variantes {
            lignes.append(.init(code: variante.entete.code, type: "aptic-variante", version: variante.entete.version, titre: variante.entete.titre,
                                contenu: "sur \(variante.base) : " + [
                                    Accord.nombre(variante.ajouts.count, "ajout"), Accord.nombre(variante.retraits.count, "retrait"),
                                    Accord.nombre(variante.renommages.count, "renommage"), Accord.nombre(variante.deplacements.count, "déplacement"),
                                    Accord.nombre(variante.nouveauxSousThemes.count, "sous-thème créé", "sous-thèmes créés"),
                                ].joined(separator: ", ")))
        }
        let pix = catalogue.pix
        lignes.append(.init(code: pix.entete.code, type: "pix", version: pix.entete.version, titre: pix.entete.titre,
                            contenu: "\(Accord.nombre(pix.domaines.count, "domaine")), \(Accord.nombre(pix.competences.count, "compétence")), niveaux \(pix.niveaux.min) à \(pix.niveaux.max)"))
        let table = catalogue.correspondances
        lignes.append(.init(code: table.entete.code, type: "correspondances", version: table.entete.version, titre: table.entete.titre,
                            contenu: "\(Accord.nombre(table.liens.count, "lien")) APTIC → Pix"))
        if let thematiques = catalogue.thematiques {
            lignes.append(.init(code: thematiques.entete.code, type: "thematiques", version: thematiques.entete.version, titre: thematiques.entete.titre,
                                contenu: "\(Accord.nombre(thematiques.liens.count, "lien")) APTIC → La Coop, data·inclusion"))
        }
        for modele in catalogue.parcours {
            lignes.append(.init(code: modele.code, type: "parcours", version: modele.entete.version, titre: modele.entete.titre,
                                contenu: "\(Format.heures(modele.duree.heures)), \(Accord.nombre(modele.etapes.count, "étape"))"))
        }
        return lignes
    }

    static func tableau(_ lignes: [LigneInventaire]) -> String {
        Tableau.texte(entetes: ["Code", "Type", "Version", "Contenu"],
                      lignes: lignes.map { [$0.code, $0.type, $0.version, $0.contenu] })
    }

    // MARK: APTIC

    /// « Nomenclature #APTIC suivie : … » for `livret structure nomenclature`.
    static func nomenclatureSuivie(_ catalogue: Catalogue) -> String {
        guard let code = catalogue.varianteAdoptee, let variante = catalogue.variantes.first(where: { $0.entete.code == code }) else {
            return "Nomenclature #APTIC suivie : la nationale (\(catalogue.apticBase.entete.code) \(catalogue.apticBase.entete.version))."
        }
        return "Nomenclature #APTIC suivie : la variante « \(variante.entete.titre) » (\(code) \(variante.entete.version)), "
            + "posée sur \(variante.base) \(variante.baseVersion) : \(Accord.nombre(catalogue.aptic.sousThemes.count, "sous-thème")), "
            + "\(Accord.nombre(catalogue.aptic.items.filter { !$0.estRetire }.count, "item")) en usage."
    }

    /// What a variant changes, counted by kind, then the details of moves and creations.
    static func bilanChangements(_ changements: [ChangementReferentiel]) -> String {
        let compte = { (genre: ChangementReferentiel.Genre) in changements.filter { $0.genre == genre }.count }
        var lignes = ["Ce que la variante change : " + [
            Accord.nombre(compte(.ajout), "item ajouté", "items ajoutés"), Accord.nombre(compte(.retrait), "item retiré", "items retirés"),
            Accord.nombre(compte(.renommage), "renommage"), Accord.nombre(compte(.deplacement), "item déplacé", "items déplacés"),
            Accord.nombre(compte(.creation), "sous-thème créé", "sous-thèmes créés"),
        ].joined(separator: ", ") + "."]
        lignes += changements.filter { $0.genre == .creation || $0.genre == .deplacement }.map { "  \($0.resume)" }
        lignes.append("Détail : livret referentiel montrer aptic --variante \(changements.first?.variante ?? "…")")
        return lignes.joined(separator: "\n")
    }

    static func arbreAptic(_ aptic: ReferentielAptic, changements: [ChangementReferentiel]) -> String {
        var lignes = ["\(aptic.entete.titre) — version \(aptic.entete.version)"]
        if !aptic.variantes.isEmpty {
            lignes.append("Variante appliquée : \(aptic.variantes.joined(separator: ", "))")
        }
        for niveau in aptic.niveaux {
            lignes.append("")
            lignes.append("Niveau \(niveau.code) · \(niveau.titre)\(provenance(niveau.provenance))")
            for sousTheme in niveau.sousThemes {
                lignes.append("  \(sousTheme.code) \(sousTheme.titre)\(provenance(sousTheme.provenance))")
                for item in sousTheme.items {
                    let code = item.code.padding(toLength: 4, withPad: " ", startingAt: 0)
                    let retrait = item.estRetire ? "  [retiré]" : ""
                    let place = item.anciennesPlaces.last.map { "  [déplacé depuis \($0.sousTheme)]" } ?? ""
                    lignes.append("      \(code)\(item.titre)\(retrait)\(place)")
                }
            }
        }
        if !changements.isEmpty {
            lignes.append("")
            lignes.append("Ce que la variante change (\(changements.count)) :")
            lignes += changements.map { "  \($0.resume)" }
        }
        return lignes.joined(separator: "\n")
    }

    static func elementAptic(_ code: String, aptic: ReferentielAptic, catalogue: Catalogue) -> String? {
        if let item = aptic.item(code), let (niveau, sousTheme) = aptic.parents(deItem: code) {
            var lignes = [
                "Item \(item.code) · \(item.titre)",
                "  Niveau      \(niveau.code) · \(niveau.titre)",
                "  Sous-thème  \(sousTheme.code) · \(sousTheme.titre)",
                "  Statut      \(item.estRetire ? "retiré" : "actif")",
            ]
            if case .retire(let motif, let par) = item.statut { lignes.append("  Motif       \(motif) (\(par))") }
            if item.origine != aptic.entete.code { lignes.append("  Ajouté par  \(item.origine)") }
            if let facile = item.libelleFacile { lignes.append("  En clair    \(facile)") }
            if !item.motsCles.isEmpty { lignes.append("  Mots-clés   \(item.motsCles.joined(separator: ", "))") }
            for ancien in item.historique { lignes.append("  Ancien titre « \(ancien.titre) » (\(ancien.version))") }
            let liens = catalogue.correspondances.liens(pourItem: code)
            lignes.append("")
            if liens.isEmpty {
                let sans = catalogue.correspondances.sansCorrespondance.first { $0.aptic == code }
                lignes.append("Compétences Pix préparées : aucune\(sans.map { " — \($0.motif)" } ?? "")")
            } else {
                lignes.append("Compétences Pix préparées :")
                for lien in liens {
                    let titre = catalogue.pix.competence(lien.pix)?.titre ?? "?"
                    lignes.append("  \(lien.pix) \(titre)")
                    lignes.append("      \(lien.motif)")
                }
            }
            return lignes.joined(separator: "\n")
        }
        if let sousTheme = aptic.sousTheme(code) {
            let niveau = aptic.niveaux.first { $0.sousThemes.contains { $0.code == code } }
            var lignes = ["Sous-thème \(sousTheme.code) · \(sousTheme.titre)\(provenance(sousTheme.provenance))"]
            if let niveau { lignes.append("  Niveau \(niveau.code) · \(niveau.titre)") }
            for ancien in sousTheme.historique { lignes.append("  Ancien titre « \(ancien.titre) » (\(ancien.version))") }
            lignes.append("")
            lignes += sousTheme.items.map { "  \($0.code.padding(toLength: 4, withPad: " ", startingAt: 0))\($0.titre)\($0.estRetire ? "  [retiré]" : "")" }
            return lignes.joined(separator: "\n")
        }
        if let niveau = aptic.niveau(code) {
            var lignes = ["Niveau \(niveau.code) · \(niveau.titre)\(provenance(niveau.provenance))"]
            for sousTheme in niveau.sousThemes {
                lignes.append("  \(sousTheme.code) \(sousTheme.titre) — \(Accord.nombre(sousTheme.items.count, "item"))")
            }
            return lignes.joined(separator: "\n")
        }
        return nil
    }

    private static func provenance(_ provenance: Provenance) -> String {
        provenance == .locale ? "  (ajout local)" : ""
    }

    // MARK: Pix

    static func arbrePix(_ pix: ReferentielPix) -> String {
        var lignes = [
            "\(pix.entete.titre) — version \(pix.entete.version)",
            "Niveaux \(pix.niveaux.min) à \(pix.niveaux.max), \(Accord.nombre(pix.niveaux.pixParNiveau, "pix")) par niveau, niveau maximum ouvert : \(pix.niveaux.niveauMaxOuvert).",
            "Certifiable : au moins \(Accord.nombre(pix.certifiabilite.competencesMin, "compétence")) au niveau \(pix.certifiabilite.niveauMin) ou plus.",
        ]
        for domaine in pix.domaines {
            lignes.append("")
            lignes.append("Domaine \(domaine.code) · \(domaine.titre)")
            for competence in domaine.competences {
                lignes.append("  \(competence.code)  \(competence.titre)")
            }
        }
        lignes.append("")
        lignes.append("Certification \(pix.certification.version) — score sur \(pix.certification.scoreMax) :")
        for palier in pix.certification.paliers {
            lignes.append("  \(String(palier.min).leftPad(3))–\(String(palier.max).leftPad(3))  \(palier.libelle)")
        }
        return lignes.joined(separator: "\n")
    }

    static func elementPix(_ code: String, catalogue: Catalogue) -> String? {
        let pix = catalogue.pix
        if let competence = pix.competence(code), let domaine = pix.domaine(deCompetence: code) {
            var lignes = [
                "Compétence \(competence.code) · \(competence.titre)",
                "  Domaine \(domaine.code) · \(domaine.titre)",
                "",
                competence.description,
                "",
                "Thématiques : \(competence.thematiques.joined(separator: " ; "))",
            ]
            let liens = catalogue.correspondances.liens(pourCompetence: code)
            lignes.append("")
            lignes.append("Items APTIC qui la préparent (\(liens.count)) :")
            for lien in liens {
                let titre = catalogue.apticBase.item(lien.aptic)?.titre ?? "?"
                lignes.append("  \(lien.aptic.padding(toLength: 4, withPad: " ", startingAt: 0))\(titre)")
            }
            return lignes.joined(separator: "\n")
        }
        if let domaine = pix.domaine(code) {
            var lignes = ["Domaine \(domaine.code) · \(domaine.titre)"]
            lignes += domaine.competences.map { "  \($0.code)  \($0.titre)" }
            return lignes.joined(separator: "\n")
        }
        return nil
    }
}

extension String {
    func leftPad(_ largeur: Int) -> String {
        count >= largeur ? self : String(repeating: " ", count: largeur - count) + self
    }
}
