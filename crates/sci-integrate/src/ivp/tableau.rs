//! Butcher tableaus of the explicit Runge-Kutta pairs RK23 (Bogacki-Shampine) and RK45
//! (Dormand-Prince), with the dense-output matrices SciPy uses.

/// An embedded explicit Runge-Kutta pair with a dense output of the form
/// `y(t_old + x h) = y_old + h K^T P [x, x^2, ...]`.
pub(crate) struct Tableau {
    /// Order of the error estimator (step control uses `-1 / (error_order + 1)`).
    pub error_order: usize,
    /// Nodes c_i.
    pub c: &'static [f64],
    /// Runge-Kutta matrix, row by row (row s holds the coefficients of stage s).
    pub a: &'static [&'static [f64]],
    /// Weights of the solution.
    pub b: &'static [f64],
    /// Weights of the error estimate, over the stages and the final derivative.
    pub e: &'static [f64],
    /// Dense-output matrix, (stages + 1) rows.
    pub p: &'static [&'static [f64]],
}

pub(crate) const RK23: Tableau = Tableau {
    error_order: 2,
    c: &[0.0, 1.0 / 2.0, 3.0 / 4.0],
    a: &[&[0.0, 0.0, 0.0], &[1.0 / 2.0, 0.0, 0.0], &[0.0, 3.0 / 4.0, 0.0]],
    b: &[2.0 / 9.0, 1.0 / 3.0, 4.0 / 9.0],
    e: &[5.0 / 72.0, -1.0 / 12.0, -1.0 / 9.0, 1.0 / 8.0],
    p: &[
        &[1.0, -4.0 / 3.0, 5.0 / 9.0],
        &[0.0, 1.0, -2.0 / 3.0],
        &[0.0, 4.0 / 3.0, -8.0 / 9.0],
        &[0.0, -1.0, 1.0],
    ],
};

pub(crate) const RK45: Tableau = Tableau {
    error_order: 4,
    c: &[0.0, 1.0 / 5.0, 3.0 / 10.0, 4.0 / 5.0, 8.0 / 9.0, 1.0],
    a: &[
        &[0.0, 0.0, 0.0, 0.0, 0.0],
        &[1.0 / 5.0, 0.0, 0.0, 0.0, 0.0],
        &[3.0 / 40.0, 9.0 / 40.0, 0.0, 0.0, 0.0],
        &[44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0, 0.0, 0.0],
        &[19372.0 / 6561.0, -25360.0 / 2187.0, 64448.0 / 6561.0, -212.0 / 729.0, 0.0],
        &[9017.0 / 3168.0, -355.0 / 33.0, 46732.0 / 5247.0, 49.0 / 176.0, -5103.0 / 18656.0],
    ],
    b: &[35.0 / 384.0, 0.0, 500.0 / 1113.0, 125.0 / 192.0, -2187.0 / 6784.0, 11.0 / 84.0],
    e: &[-71.0 / 57600.0, 0.0, 71.0 / 16695.0, -71.0 / 1920.0, 17253.0 / 339200.0, -22.0 / 525.0, 1.0 / 40.0],
    // Shampine's dense output for the Dormand-Prince pair.
    p: &[
        &[1.0, -8048581381.0 / 2820520608.0, 8663915743.0 / 2820520608.0, -12715105075.0 / 11282082432.0],
        &[0.0, 0.0, 0.0, 0.0],
        &[0.0, 131558114200.0 / 32700410799.0, -68118460800.0 / 10900136933.0, 87487479700.0 / 32700410799.0],
        &[0.0, -1754552775.0 / 470086768.0, 14199869525.0 / 1410260304.0, -10690763975.0 / 1880347072.0],
        &[
            0.0,
            127303824393.0 / 49829197408.0,
            -318862633887.0 / 49829197408.0,
            701980252875.0 / 199316789632.0,
        ],
        &[0.0, -282668133.0 / 205662961.0, 2019193451.0 / 616988883.0, -1453857185.0 / 822651844.0],
        &[0.0, 40617522.0 / 29380423.0, -110615467.0 / 29380423.0, 69997945.0 / 29380423.0],
    ],
};
