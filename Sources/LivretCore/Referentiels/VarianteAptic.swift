/// A local variant of the APTIC nomenclature: what a territory adds, retires, renames, moves,
/// and the sous-thèmes it creates.
///
/// A variant never copies the base. ``appliquer(a:)`` lays it on the base and says what changed.
public struct VarianteAptic: Sendable, Equatable {
    /// A sous-thème the variant creates in an existing niveau (Roubaix's « 1.3 Hygiène de vie »).
    public struct NouveauSousTheme: Sendable, Equatable {
        public var code: String
        /// The niveau it belongs to: the part of ``code`` before the dot.
        public var niveau: String
        public var titre: String
        public var libelleFacile: String?
        public var motif: String
        var chemin: String
    }

    /// An item moved to another sous-thème, possibly of another niveau. It keeps its code, so the
    /// evidence already recorded on it stays attached.
    public struct Deplacement: Sendable, Equatable {
        public var code: String
        /// The sous-thème it goes to (of the base or created by the variant).
        public var versSousTheme: String
        public var motif: String
        var chemin: String
    }

    public struct Ajout: Sendable, Equatable {
        public var code: String
        public var sousTheme: String
        public var titre: String
        public var motif: String
        public var libelleFacile: String?
        public var motsCles: [String]
        var chemin: String
    }

    public struct Retrait: Sendable, Equatable {
        public var code: String
        public var motif: String
        var chemin: String
    }

    public struct Renommage: Sendable, Equatable {
        public var code: String
        public var titre: String
        public var motif: String
        var chemin: String
    }

    public var entete: EnteteReferentiel
    /// The code of the base référentiel (`aptic`).
    public var base: String
    /// The base version the variant was written against.
    public var baseVersion: String
    public var ajouts: [Ajout]
    public var retraits: [Retrait]
    public var renommages: [Renommage]
    public var nouveauxSousThemes: [NouveauSousTheme] = []
    public var deplacements: [Deplacement] = []
    /// The file the variant was read from, for error messages.
    public var fichier: String
}

/// One change a variant made to its base, as shown to the user.
public struct ChangementReferentiel: Sendable, Equatable, Codable {
    public enum Genre: String, Sendable, Codable {
        case ajout, retrait, renommage
        /// An item moved to another sous-thème (``parentAvant`` → ``parent``).
        case deplacement
        /// A sous-thème created in niveau ``parent``.
        case creation
    }

    public var genre: Genre
    public var code: String
    /// The title before (renames, retirements).
    public var titreAvant: String?
    /// The title after (additions, renames).
    public var titreApres: String?
    /// Where the element sits (sous-thème of an added or moved item, niveau of a created sous-thème).
    public var parent: String?
    /// Where a moved item was before.
    public var parentAvant: String? = nil
    public var motif: String
    /// The variant that made the change.
    public var variante: String

    /// A one-line French summary, e.g. `+ 130 (1.1) Utiliser un QR code`.
    public var resume: String {
        switch genre {
        case .ajout: "ajouté   \(code) (sous \(parent ?? "?")) : \(titreApres ?? "")"
        case .retrait: "retiré   \(code) : \(titreAvant ?? "")"
        case .renommage: "renommé  \(code) : « \(titreAvant ?? "") » → « \(titreApres ?? "") »"
        case .deplacement: "déplacé  \(code) : \(parentAvant ?? "?") → \(parent ?? "?") : \(titreAvant ?? "")"
        case .creation: "créé     \(code) (niveau \(parent ?? "?")) : \(titreApres ?? "")"
        }
    }
}

extension VarianteAptic {
    /// Lays the variant on `base`: additions get their new codes, retired items keep
    /// theirs (marked retired), renamed nodes keep their former title in their history.
    ///
    /// - Throws: ``ErreursReferentiel`` listing every conflict (a code already used,
    ///   an unknown sous-thème or item, a base of another kind).
    public func appliquer(a base: ReferentielAptic) throws(ErreursReferentiel) -> (referentiel: ReferentielAptic, changements: [ChangementReferentiel]) {
        var erreurs: [ErreurReferentiel] = []
        func erreur(_ genre: ErreurReferentiel.Genre, _ chemin: String, _ message: String, _ conseil: String) {
            erreurs.append(ErreurReferentiel(genre, fichier: fichier, chemin: chemin, message: message, conseil: conseil))
        }
        if base.entete.code != self.base {
            erreur(.referenceInconnue, "$.base", "la variante se pose sur « \(self.base) », pas sur « \(base.entete.code) ».",
                   "Indiquez dans « base » le code du référentiel à amender.")
        }
        var resultat = base
        resultat.variantes.append(entete.code)
        var changements: [ChangementReferentiel] = []
        let version = "\(base.entete.code) \(base.entete.version)"
        let ancien = { (titre: String) in AncienTitre(titre: titre, version: version) }

        // Created sous-thèmes first: additions and moves may target them.
        var crees: Set<String> = []
        for nouveau in nouveauxSousThemes {
            if base.sousTheme(nouveau.code) != nil || base.niveau(nouveau.code) != nil || base.item(nouveau.code) != nil {
                erreur(.codeEnDouble, "\(nouveau.chemin).code", "le sous-thème « \(nouveau.code) » existe déjà dans « \(base.entete.code) ».",
                       "Un sous-thème créé prend un numéro nouveau dans son niveau, comme « 1.3 » après « 1.2 ».")
                continue
            }
            guard let n = resultat.niveaux.firstIndex(where: { $0.code == nouveau.niveau }) else {
                erreur(.referenceInconnue, "\(nouveau.chemin).code", "le niveau « \(nouveau.niveau) » du sous-thème « \(nouveau.code) » n'existe pas.",
                       "Le code d'un sous-thème commence par celui de son niveau : « 1.3 » est dans le niveau 1.")
                continue
            }
            resultat.niveaux[n].sousThemes.append(
                SousThemeAptic(code: nouveau.code, titre: nouveau.titre, provenance: .locale, items: [],
                               libelleFacile: nouveau.libelleFacile, origine: entete.code))
            crees.insert(nouveau.code)
            changements.append(ChangementReferentiel(genre: .creation, code: nouveau.code, titreApres: nouveau.titre,
                                                     parent: nouveau.niveau, motif: nouveau.motif, variante: entete.code))
        }

        for ajout in ajouts {
            if base.item(ajout.code) != nil || base.sousTheme(ajout.code) != nil {
                erreur(.codeEnDouble, "\(ajout.chemin).code", "le code « \(ajout.code) » existe déjà dans « \(base.entete.code) ».",
                       "Un ajout prend un code nouveau : lettre après la dernière du niveau 0, ou numéro après le dernier item.")
                continue
            }
            guard let (n, s) = indices(sousTheme: ajout.sousTheme, dans: resultat) else {
                erreur(.referenceInconnue, "\(ajout.chemin).sousTheme", "le sous-thème « \(ajout.sousTheme) » n'existe pas.",
                       "Choisissez un sous-thème du référentiel de base, comme « 2.2 ».")
                continue
            }
            let estNiveauZero = resultat.niveaux[n].code == "0"
            let formeAttendue = estNiveauZero ? ajout.code.allSatisfy { $0.isASCII && $0.isUppercase } : ajout.code.allSatisfy(\.isASCIIDigit)
            if !formeAttendue {
                erreur(.codeInvalide, "\(ajout.chemin).code", "le code « \(ajout.code) » ne suit pas la numérotation du niveau \(resultat.niveaux[n].code).",
                       estNiveauZero ? "Au niveau 0, les items ont une lettre (I, J, K…)." : "Aux niveaux 1 à 3, les items ont un numéro (130, 131…).")
                continue
            }
            resultat.niveaux[n].sousThemes[s].items.append(
                ItemAptic(code: ajout.code, titre: ajout.titre, libelleFacile: ajout.libelleFacile,
                          motsCles: ajout.motsCles, origine: entete.code))
            changements.append(ChangementReferentiel(genre: .ajout, code: ajout.code, titreApres: ajout.titre,
                                                     parent: ajout.sousTheme, motif: ajout.motif, variante: entete.code))
        }

        for retrait in retraits {
            guard let (n, s, i) = indices(item: retrait.code, dans: resultat) else {
                erreur(.referenceInconnue, "\(retrait.chemin).code", "l'item « \(retrait.code) » à retirer n'existe pas.",
                       "Indiquez le code d'un item du référentiel (retirer un niveau ou un sous-thème n'est pas possible).")
                continue
            }
            let item = resultat.niveaux[n].sousThemes[s].items[i]
            if item.estRetire {
                erreur(.codeEnDouble, "\(retrait.chemin).code", "l'item « \(retrait.code) » est retiré deux fois.", "Gardez un seul retrait pour cet item.")
                continue
            }
            if deplacements.contains(where: { $0.code == retrait.code }) {
                erreur(.valeurInvalide, "\(retrait.chemin).code", "l'item « \(retrait.code) » est à la fois retiré et déplacé.",
                       "Choisissez : le retirer, ou le déplacer.")
                continue
            }
            resultat.niveaux[n].sousThemes[s].items[i].statut = .retire(motif: retrait.motif, par: entete.code)
            changements.append(ChangementReferentiel(genre: .retrait, code: retrait.code, titreAvant: item.titre,
                                                     motif: retrait.motif, variante: entete.code))
        }

        for deplacement in deplacements {
            guard let (n, s, i) = indices(item: deplacement.code, dans: resultat) else {
                erreur(.referenceInconnue, "\(deplacement.chemin).code", "l'item « \(deplacement.code) » à déplacer n'existe pas.",
                       "Indiquez le code d'un item du référentiel ou d'un item ajouté par la variante.")
                continue
            }
            guard let (nv, sv) = indices(sousTheme: deplacement.versSousTheme, dans: resultat) else {
                erreur(.referenceInconnue, "\(deplacement.chemin).versSousTheme", "le sous-thème « \(deplacement.versSousTheme) » n'existe pas.",
                       "Choisissez un sous-thème du référentiel, ou créez-le dans « nouveauxSousThemes ».")
                continue
            }
            if (n, s) == (nv, sv) {
                erreur(.valeurInvalide, "\(deplacement.chemin).versSousTheme",
                       "l'item « \(deplacement.code) » est déjà dans le sous-thème « \(deplacement.versSousTheme) ».",
                       "Indiquez un autre sous-thème, ou retirez ce déplacement.")
                continue
            }
            var item = resultat.niveaux[n].sousThemes[s].items.remove(at: i)
            let avant = resultat.niveaux[n].sousThemes[s].code
            item.anciennesPlaces.append(AnciennePlace(sousTheme: avant, niveau: resultat.niveaux[n].code, version: version))
            resultat.niveaux[nv].sousThemes[sv].items.append(item)
            changements.append(ChangementReferentiel(genre: .deplacement, code: item.code, titreAvant: item.titre,
                                                     parent: deplacement.versSousTheme, parentAvant: avant,
                                                     motif: deplacement.motif, variante: entete.code))
        }

        for code in crees.sorted() {
            if let (n, s) = indices(sousTheme: code, dans: resultat), resultat.niveaux[n].sousThemes[s].items.isEmpty,
               let nouveau = nouveauxSousThemes.first(where: { $0.code == code }) {
                erreur(.valeurInvalide, "\(nouveau.chemin)", "le sous-thème créé « \(code) » ne contient aucun item.",
                       "Ajoutez-y au moins un item (« ajouts », avec « sousTheme »: \"\(code)\") ou déplacez-en un (« deplacements »).")
            }
        }

        for renommage in renommages {
            var avant: String?
            if let (n, s, i) = indices(item: renommage.code, dans: resultat) {
                let item = resultat.niveaux[n].sousThemes[s].items[i]
                if item.estRetire {
                    erreur(.valeurInvalide, "\(renommage.chemin).code", "l'item « \(renommage.code) » est à la fois retiré et renommé.",
                           "Choisissez : le retirer, ou le renommer.")
                    continue
                }
                avant = item.titre
                resultat.niveaux[n].sousThemes[s].items[i].historique.append(ancien(item.titre))
                resultat.niveaux[n].sousThemes[s].items[i].titre = renommage.titre
            } else if let (n, s) = indices(sousTheme: renommage.code, dans: resultat) {
                let sousTheme = resultat.niveaux[n].sousThemes[s]
                avant = sousTheme.titre
                resultat.niveaux[n].sousThemes[s].historique.append(ancien(sousTheme.titre))
                resultat.niveaux[n].sousThemes[s].titre = renommage.titre
            } else if let n = resultat.niveaux.firstIndex(where: { $0.code == renommage.code }) {
                avant = resultat.niveaux[n].titre
                resultat.niveaux[n].historique.append(ancien(resultat.niveaux[n].titre))
                resultat.niveaux[n].titre = renommage.titre
            } else {
                erreur(.referenceInconnue, "\(renommage.chemin).code", "« \(renommage.code) » n'est ni un niveau, ni un sous-thème, ni un item.",
                       "Indiquez le code d'un élément existant.")
                continue
            }
            changements.append(ChangementReferentiel(genre: .renommage, code: renommage.code, titreAvant: avant,
                                                     titreApres: renommage.titre, motif: renommage.motif, variante: entete.code))
        }

        if !erreurs.isEmpty { throw ErreursReferentiel(erreurs) }
        return (resultat, changements)
    }

    private func indices(sousTheme code: String, dans referentiel: ReferentielAptic) -> (Int, Int)? {
        for (n, niveau) in referentiel.niveaux.enumerated() {
            if let s = niveau.sousThemes.firstIndex(where: { $0.code == code }) { return (n, s) }
        }
        return nil
    }

    private func indices(item code: String, dans referentiel: ReferentielAptic) -> (Int, Int, Int)? {
        for (n, niveau) in referentiel.niveaux.enumerated() {
            for (s, sousTheme) in niveau.sousThemes.enumerated() {
                if let i = sousTheme.items.firstIndex(where: { $0.code == code }) { return (n, s, i) }
            }
        }
        return nil
    }
}

extension LecteurJSON {
    /// Reads a variant file (`type: "aptic-variante"`). Its references are checked when applied.
    mutating func varianteAptic(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> VarianteAptic {
        let base = chaine(racine, "base", "$") ?? ""
        let baseVersion = chaine(racine, "baseVersion", "$") ?? ""
        var codesAjoutes: [String: String] = [:]
        var ajouts: [VarianteAptic.Ajout] = []
        for (objet, chemin) in objets(racine, "ajouts", "$", obligatoire: false) {
            let code = codeUnique(objet, chemin, vus: &codesAjoutes, forme: .item)
            let sousTheme = chaine(objet, "sousTheme", chemin)
            let titre = titre(objet, chemin)
            let motif = motif(objet, chemin)
            if let code, let sousTheme, let titre, let motif {
                ajouts.append(.init(code: code, sousTheme: sousTheme, titre: titre, motif: motif,
                                    libelleFacile: chaineFacultative(objet, "libelleFacile", chemin),
                                    motsCles: chaines(objet, "motsCles", chemin), chemin: chemin))
            }
        }
        var retraits: [VarianteAptic.Retrait] = []
        for (objet, chemin) in objets(racine, "retraits", "$", obligatoire: false) {
            if let code = chaine(objet, "code", chemin), let motif = motif(objet, chemin) {
                retraits.append(.init(code: code, motif: motif, chemin: chemin))
            }
        }
        var renommages: [VarianteAptic.Renommage] = []
        var renommes: [String: String] = [:]
        for (objet, chemin) in objets(racine, "renommages", "$", obligatoire: false) {
            let code = chaine(objet, "code", chemin)
            let titre = titre(objet, chemin)
            let motif = motif(objet, chemin)
            if let code {
                if let premier = renommes[code] {
                    signaler(.codeEnDouble, "\(chemin).code", "« \(code) » est déjà renommé en \(premier).", "Gardez un seul renommage par élément.")
                    continue
                }
                renommes[code] = chemin
            }
            if let code, let titre, let motif {
                renommages.append(.init(code: code, titre: titre, motif: motif, chemin: chemin))
            }
        }
        var nouveaux: [VarianteAptic.NouveauSousTheme] = []
        var sousThemesVus: [String: String] = [:]
        for (objet, chemin) in objets(racine, "nouveauxSousThemes", "$", obligatoire: false) {
            let code = codeUnique(objet, chemin, vus: &sousThemesVus, forme: .sousTheme)
            let titre = titre(objet, chemin)
            let motif = motif(objet, chemin)
            if let code, let titre, let motif {
                nouveaux.append(.init(code: code, niveau: String(code.prefix { $0 != "." }), titre: titre,
                                      libelleFacile: chaineFacultative(objet, "libelleFacile", chemin), motif: motif, chemin: chemin))
            }
        }
        var deplacements: [VarianteAptic.Deplacement] = []
        var deplaces: [String: String] = [:]
        for (objet, chemin) in objets(racine, "deplacements", "$", obligatoire: false) {
            let code = chaine(objet, "code", chemin)
            let vers = chaine(objet, "versSousTheme", chemin)
            let motif = motif(objet, chemin)
            if let code {
                if let premier = deplaces[code] {
                    signaler(.codeEnDouble, "\(chemin).code", "l'item « \(code) » est déjà déplacé en \(premier).", "Gardez un seul déplacement par item.")
                    continue
                }
                deplaces[code] = chemin
            }
            if let code, let vers, let motif {
                deplacements.append(.init(code: code, versSousTheme: vers, motif: motif, chemin: chemin))
            }
        }
        return VarianteAptic(entete: entete, base: base, baseVersion: baseVersion, ajouts: ajouts,
                             retraits: retraits, renommages: renommages, nouveauxSousThemes: nouveaux,
                             deplacements: deplacements, fichier: fichier)
    }

    /// A required, non-empty `motif`.
    mutating func motif(_ objet: [String: JSONValeur], _ chemin: String) -> String? {
        guard let texte = chaine(objet, "motif", chemin) else { return nil }
        if texte.trimmingCharacters(in: .whitespaces).isEmpty {
            signaler(.champManquant, "\(chemin).motif", "le motif est vide.", "Dites en une phrase d'où vient ce choix.")
            return nil
        }
        return texte
    }
}
