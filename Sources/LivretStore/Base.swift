import GRDB

/// Placeholder replaced in the tracking work.
public enum BaseVersion { public static let numero = 0 }
