/// The project's own table linking APTIC items to the Pix competences they prepare.
public struct TableCorrespondances: Sendable, Equatable {
    public struct Lien: Sendable, Equatable, Codable {
        public var aptic: String
        public var pix: String
        /// Why the item prepares the competence, in one line.
        public var motif: String
        var chemin: String = ""

        enum CodingKeys: String, CodingKey { case aptic, pix, motif }
    }

    /// An item that prepares no Pix competence, with the reason.
    public struct SansCorrespondance: Sendable, Equatable, Codable {
        public var aptic: String
        public var motif: String
        var chemin: String = ""

        enum CodingKeys: String, CodingKey { case aptic, motif }
    }

    public var entete: EnteteReferentiel
    public var de: String
    public var vers: String
    public var liens: [Lien]
    public var sansCorrespondance: [SansCorrespondance]
    var fichier: String

    /// The links of one APTIC item, most relevant first.
    public func liens(pourItem code: String) -> [Lien] { liens.filter { $0.aptic == code } }
    /// The links reaching one Pix competence.
    public func liens(pourCompetence code: String) -> [Lien] { liens.filter { $0.pix == code } }

    /// Checks every link against the référentiels it joins; every item of niveaux 1–3
    /// must be linked or listed without correspondence, never both.
    public func verifier(aptic: ReferentielAptic, pix: ReferentielPix) -> [ErreurReferentiel] {
        var erreurs: [ErreurReferentiel] = []
        func erreur(_ genre: ErreurReferentiel.Genre, _ chemin: String, _ message: String, _ conseil: String) {
            erreurs.append(ErreurReferentiel(genre, fichier: fichier, chemin: chemin, message: message, conseil: conseil))
        }
        var paires: [String: String] = [:]
        for lien in liens {
            if aptic.item(lien.aptic) == nil {
                erreur(.lienCasse, "\(lien.chemin).aptic", "l'item APTIC « \(lien.aptic) » n'existe pas.", "Corrigez le code ou retirez ce lien.")
            }
            if pix.competence(lien.pix) == nil {
                erreur(.lienCasse, "\(lien.chemin).pix", "la compétence Pix « \(lien.pix) » n'existe pas.", "Les compétences vont de 1.1 à 5.2.")
            }
            let cle = "\(lien.aptic)→\(lien.pix)"
            if let premier = paires[cle] {
                erreur(.codeEnDouble, lien.chemin, "le lien \(lien.aptic) → \(lien.pix) est déjà en \(premier).", "Gardez un seul lien par paire.")
            }
            paires[cle] = paires[cle] ?? lien.chemin
        }
        let lies = Set(liens.map(\.aptic))
        var sans: [String: String] = [:]
        for entree in sansCorrespondance {
            if aptic.item(entree.aptic) == nil {
                erreur(.lienCasse, "\(entree.chemin).aptic", "l'item APTIC « \(entree.aptic) » n'existe pas.", "Corrigez le code ou retirez cette ligne.")
            }
            if lies.contains(entree.aptic) {
                erreur(.valeurInvalide, "\(entree.chemin).aptic", "l'item « \(entree.aptic) » a des liens et figure aussi parmi les items sans correspondance.",
                       "Gardez l'un ou l'autre.")
            }
            if let premier = sans[entree.aptic] {
                erreur(.codeEnDouble, "\(entree.chemin).aptic", "l'item « \(entree.aptic) » est déjà en \(premier).", "Gardez une seule ligne.")
            }
            sans[entree.aptic] = sans[entree.aptic] ?? entree.chemin
        }
        for niveau in aptic.niveaux where niveau.code != "0" {
            for item in niveau.sousThemes.flatMap(\.items) where !lies.contains(item.code) && sans[item.code] == nil && item.origine == aptic.entete.code {
                erreur(.correspondanceManquante, "$.liens", "l'item \(item.code) « \(item.titre) » n'a ni lien vers Pix ni raison de ne pas en avoir.",
                       "Ajoutez un lien {\"aptic\": \"\(item.code)\", \"pix\": \"…\", \"motif\": \"…\"} ou une entrée dans « sansCorrespondance ».")
            }
        }
        return erreurs
    }
}

extension LecteurJSON {
    mutating func correspondances(_ racine: [String: JSONValeur], entete: EnteteReferentiel) -> TableCorrespondances {
        let de = chaine(racine, "de", "$") ?? ""
        let vers = chaine(racine, "vers", "$") ?? ""
        if de != "aptic" || vers != "pix" {
            signaler(.valeurInvalide, "$", "seule la correspondance « aptic » → « pix » est connue (ici « \(de) » → « \(vers) »).",
                     "Écrivez \"de\": \"aptic\" et \"vers\": \"pix\".")
        }
        var liens: [TableCorrespondances.Lien] = []
        for (objet, chemin) in objets(racine, "liens", "$") {
            if let aptic = chaine(objet, "aptic", chemin), let pix = chaine(objet, "pix", chemin), let motif = motif(objet, chemin) {
                liens.append(.init(aptic: aptic, pix: pix, motif: motif, chemin: chemin))
            }
        }
        var sans: [TableCorrespondances.SansCorrespondance] = []
        for (objet, chemin) in objets(racine, "sansCorrespondance", "$", obligatoire: false) {
            if let aptic = chaine(objet, "aptic", chemin), let motif = motif(objet, chemin) {
                sans.append(.init(aptic: aptic, motif: motif, chemin: chemin))
            }
        }
        return TableCorrespondances(entete: entete, de: de, vers: vers, liens: liens, sansCorrespondance: sans, fichier: fichier)
    }
}
