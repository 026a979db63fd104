import LivretCore
import LivretStore

/// The deterministic demo base (`livret demo`). Being written: see the tracking issue.
public enum Demo {}
