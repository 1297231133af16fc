//! The dataset: the bundled file, the generator that writes it, and a corpus
//! of broken files each with the exact problems expected.

use std::path::PathBuf;
use std::process::Command;

use zone_monitor::model::{self, Level};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn bundled_text() -> String {
    std::fs::read_to_string(root().join("www/data/zones.json"))
        .expect("the bundled dataset is readable")
}

pub fn bundled() -> model::Dataset {
    model::load(&bundled_text())
        .expect("the bundled dataset loads")
        .dataset
}

#[test]
fn bundled_file_has_no_errors_and_no_warnings() {
    match model::load(&bundled_text()) {
        Ok(loaded) => assert!(
            loaded.warnings.is_empty(),
            "warnings: {:#?}",
            loaded.warnings
        ),
        Err(problems) => panic!("the bundled file is invalid:\n{problems}"),
    }
}

#[test]
fn generator_reproduces_the_bundled_file_byte_for_byte() {
    let status = Command::new(env!("CARGO_BIN_EXE_make-dataset"))
        .arg("--check")
        .arg(root().join("www/data/zones.json"))
        .status()
        .expect("make-dataset runs");
    assert!(
        status.success(),
        "www/data/zones.json is not what make-dataset writes"
    );
}

#[test]
fn generator_writes_the_same_bytes_twice() {
    let dir = std::env::temp_dir().join(format!("zone-monitor-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |name: &str| -> Vec<u8> {
        let path = dir.join(name);
        let ok = Command::new(env!("CARGO_BIN_EXE_make-dataset"))
            .arg(&path)
            .status()
            .expect("runs")
            .success();
        assert!(ok);
        std::fs::read(&path).expect("written")
    };
    assert_eq!(write("a.json"), write("b.json"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The shape the issue asks for (issue 3, "The bundled dataset").
#[test]
fn bundled_shape() {
    let ds = bundled();
    assert_eq!(ds.years, vec![2018, 2019, 2020, 2021, 2022]);
    assert_eq!(ds.zones.len(), 36);
    assert_eq!(
        ds.zones
            .iter()
            .filter(|z| z.level == Level::National)
            .count(),
        12
    );
    assert!(ds.sub_parks.len() >= 20);
    for park in &ds.sub_parks {
        let parent = park
            .parent
            .map(|p| &ds.zones[p])
            .expect("a sub-park has a parent");
        assert_eq!(parent.level, Level::National);
    }
    assert!(ds.indicators.len() >= 20);
    // Every dimension of the national evaluation has at least one indicator.
    for d in 0..ds.framework.dimensions.len() {
        assert!(
            ds.indicators.iter().any(|i| i.dimension == Some(d)),
            "dimension {d} is empty"
        );
    }
    // No real names: every zone is 'X高新区 / Zone X'.
    for z in ds.zones.iter() {
        assert!(
            z.name.zh.ends_with("高新区") && z.name.en.starts_with("Zone "),
            "{:?}",
            z.name
        );
    }
    // Three national zones in the metro area (都市圈).
    let metro = ds
        .metro_areas
        .iter()
        .position(|m| m.id == "metro")
        .expect("metro area");
    let national_in_metro = ds
        .zones
        .iter()
        .filter(|z| z.level == Level::National && z.metro_area == Some(metro))
        .count();
    assert_eq!(national_in_metro, 3);
    // Every national zone has a ranking every year.
    for (i, z) in ds
        .zones
        .iter()
        .enumerate()
        .filter(|(_, z)| z.level == Level::National)
    {
        for y in &ds.years {
            assert!(ds.ranking(i, *y).is_some(), "{} {y}", z.id);
        }
    }
}
